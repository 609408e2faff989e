import type { Journey } from '../agenda';
import { DAY } from '../calendar';
import type { DemoActivity, DemoContext } from '../demo-context';
import type { DemoCustomer, DemoPerson } from '../demo-world';
import type { Random } from '../random';

const CHANNELS = [
  ['visit', 3],
  ['call', 5],
  ['chat', 2],
  ['email', 3],
] as const;
const NOTES = {
  visit: 'visited the site and met the buying team',
  call: 'called the key person about next quarter',
  chat: 'messaged the project lead',
  email: 'sent the reference case and a meeting proposal',
} as const;

/** How many customers the market starts with per account manager, and how it grows each month. */
const START_PER_REP = 9;
const NEW_PER_MONTH_PER_REP = 0.5;
const OWNED_AT_START = 5;
/** Past this many a rep stops claiming more (the pool policy allows 50). */
const COMFORTABLE_POOL = 14;

/** Registers a customer in the public pool (ops keeps the customer master). */
export async function registerCustomer(context: DemoContext, random: Random): Promise<DemoCustomer> {
  const { world } = context;
  const customer: DemoCustomer = {
    id: world.nextId('cust-'),
    name: world.companyName(world.customers.length),
    segment: random.chance(0.25) ? 'strategic' : 'ordinary',
    owner: null,
    cooldown: null,
    lastTouch: context.now,
    won: false,
    currency: random.chance(0.12) ? 'USD' : 'EUR',
  };
  await context.send(
    { kind: 'customer', id: customer.id },
    { type: 'RegisterCustomer', data: { name: customer.name, segment: customer.segment } },
    'ops-1',
  );
  world.customers.push(customer);
  return customer;
}

/** May `rep` claim `customer` now (public pool, no cooldown on them, room in their pool)? */
export function mayClaim(context: DemoContext, customer: DemoCustomer, rep: string): boolean {
  const cooling =
    customer.cooldown !== null && customer.cooldown.owner === rep && customer.cooldown.until > context.now;
  return customer.owner === null && !cooling && context.world.ownedBy(rep).length < 50;
}

/** The rep claims the customer for their private pool. */
export async function claimCustomer(
  context: DemoContext,
  customer: DemoCustomer,
  rep: string,
): Promise<void> {
  const ownedCount = context.world.ownedBy(rep).length;
  await context.send(
    { kind: 'customer', id: customer.id },
    { type: 'ClaimCustomer', data: { ownedCount } },
    rep,
  );
  customer.owner = rep;
  customer.cooldown = null;
  customer.lastTouch = context.now;
}

/** A touch on the customer itself (outside any lead), by its owner. */
export async function touchCustomer(
  context: DemoContext,
  customer: DemoCustomer,
  random: Random,
): Promise<void> {
  if (customer.owner === null) return;
  const channel = random.weighted(CHANNELS);
  await context.send(
    { kind: 'customer', id: customer.id },
    {
      type: 'RecordCustomerTouch',
      data: { channel, note: NOTES[channel], touchedAt: new Date(context.now).toISOString() },
    },
    customer.owner,
  );
  customer.lastTouch = context.now;
}

/**
 * One account manager looking after their private pool: a touch every week or two on the customers
 * they care about; how diligent they are varies, so some customers go quiet and the sweep takes them.
 */
async function* accountCare(context: DemoContext, rep: DemoPerson, random: Random): Journey {
  const diligence = 0.55 + random.next() * 0.4;
  for (;;) {
    yield context.after(random.int(4, 9), random);
    for (const customer of context.world.ownedBy(rep.id)) {
      if (random.chance(diligence * 0.5)) await touchCustomer(context, customer, random);
    }
    // Room in the pool: claim a customer from the public pool now and then.
    const pool = context.world.publicPool().filter((c) => mayClaim(context, c, rep.id));
    if (pool.length > 0 && context.world.ownedBy(rep.id).length < COMFORTABLE_POOL && random.chance(0.25)) {
      await claimCustomer(context, random.pick(pool), rep.id);
    }
    if (random.chance(0.03)) {
      const owned = context.world.ownedBy(rep.id);
      if (owned.length > 3) {
        const customer = random.pick(owned);
        await context.send(
          { kind: 'customer', id: customer.id },
          { type: 'ReleaseCustomer', data: { note: 'no budget for the next two years' } },
          rep.id,
        );
        releaseLocally(context, customer);
      }
    }
  }
}

/** The customer is back in the public pool; its last owner waits out the cooldown. */
function releaseLocally(context: DemoContext, customer: DemoCustomer): void {
  if (customer.owner !== null) customer.cooldown = { owner: customer.owner, until: context.now + 30 * DAY };
  customer.owner = null;
}

/** The weekly idle sweep (温控) as the schedule runs it, and a manager's occasional moves. */
async function* poolManagement(context: DemoContext, random: Random): Journey {
  const managers = context.world.byJob('manager');
  for (;;) {
    yield context.after(7, random);
    const swept = await context.engine.sweep(managers[0]!.id);
    for (const id of swept.returned) releaseLocally(context, context.world.customer(id));
    for (const manager of managers) {
      if (!random.chance(0.12)) continue;
      const reps = context.world.inTeam(manager.team, 'account');
      const owned = reps.flatMap((r) => context.world.ownedBy(r.id));
      if (owned.length === 0 || reps.length < 2) continue;
      const customer = random.pick(owned);
      const to = random.pick(reps.filter((r) => r.id !== customer.owner));
      await context.send(
        { kind: 'customer', id: customer.id },
        {
          type: 'TransferCustomer',
          data: {
            owner: to.id,
            ownedCount: context.world.ownedBy(to.id).length,
            reason: 'rebalancing the territory',
          },
        },
        manager.id,
      );
      customer.owner = to.id;
      customer.lastTouch = context.now;
    }
    if (random.chance(0.1)) {
      const customer = random.pick(context.world.customers);
      const segment = customer.segment === 'strategic' ? 'ordinary' : 'strategic';
      await context.send(
        { kind: 'customer', id: customer.id },
        {
          type: 'ChangeCustomerSegment',
          data: {
            segment,
            reason: segment === 'strategic' ? 'named a strategic account' : 'spend moved elsewhere',
          },
        },
        managers[0]!.id,
      );
      customer.segment = segment;
    }
  }
}

/** New companies come to market every month. */
async function* market(context: DemoContext, random: Random, reps: number): Journey {
  for (;;) {
    yield context.after(30 / Math.max(1, reps * NEW_PER_MONTH_PER_REP), random);
    await registerCustomer(context, random);
  }
}

/** Customers, private and public pools, touches, the idle sweep, transfers and segments. */
export const customersActivity: DemoActivity = {
  name: 'customers',
  start: async (context) => {
    const random = context.random('customers');
    const reps = context.world.byJob('account');
    for (let i = 0; i < reps.length * START_PER_REP; i++) await registerCustomer(context, random);
    for (const rep of reps) {
      for (let i = 0; i < OWNED_AT_START; i++) {
        const pool = context.world.publicPool();
        await claimCustomer(context, random.pick(pool), rep.id);
      }
      context.spawn(`care ${rep.id}`, (r) => accountCare(context, rep, r));
    }
    context.spawn('pool management', (r) => poolManagement(context, r));
    context.spawn('market', (r) => market(context, r, reps.length));
  },
};
