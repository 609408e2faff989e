import type { LeadSource } from '@ltc/workflow-lead';
import type { Journey } from '../agenda';
import { DAY, isoDate } from '../calendar';
import type { DemoActivity, DemoContext } from '../demo-context';
import type { DemoCustomer, DemoPerson } from '../demo-world';
import type { Random } from '../random';
import { claimCustomer, mayClaim } from './customers.activity';
import { opportunityJourney } from './opportunities.activity';

/** Leads a rep finds on their own customers, per month; marketing brings more to the public pool. */
const REP_LEADS_PER_MONTH = 2.2;
const MARKETING_LEADS_PER_MONTH_PER_REP = 1.2;

const REP_SOURCES = [
  ['referral', 4],
  ['inbound', 2],
  ['other', 1],
] as const satisfies readonly (readonly [LeadSource, number])[];
const MARKETING_SOURCES = [
  ['event', 3],
  ['salon', 2],
  ['marketing', 3],
  ['inbound', 1],
] as const satisfies readonly (readonly [LeadSource, number])[];
const NEEDS = [
  'fleet telematics',
  'plant automation',
  'data platform',
  'field service suite',
  'cold chain monitoring',
];
const TOUCHES = [
  ['visit', 2],
  ['call', 4],
  ['chat', 2],
  ['email', 3],
] as const;

type LeadStart = Readonly<{
  customer: DemoCustomer;
  rep: DemoPerson;
  source: LeadSource;
  capturedBy: string;
}>;

/**
 * One lead from capture to conversion (or not): the manager assigns it, the rep works it with touches,
 * qualifies it with BANT, nurtures the cold ones, disqualifies some (and reopens a few), converts the
 * warm and hot ones, whose opportunity the process manager opens; its journey starts at once.
 */
export async function* leadJourney(context: DemoContext, start: LeadStart, random: Random): Journey {
  const { world } = context;
  const { customer, source } = start;
  let rep = start.rep;
  const id = world.nextId('lead-');
  const lead = { kind: 'lead', id } as const;
  const need = random.pick(NEEDS);
  const estimate = world.money(
    random.skewed(customer.segment === 'strategic' ? 420_000 : 160_000, 0.6),
    customer.currency,
  );
  await context.send(
    lead,
    {
      type: 'CaptureLead',
      data: {
        customerId: customer.id,
        source,
        title: `${customer.name}: ${need}`,
        contact: {
          name: world.personName(random.int(0, 400)),
          role: 'head of operations',
          email: `contact@${customer.id}.example`,
        },
        estimatedAmount: estimate,
      },
    },
    start.capturedBy,
  );
  yield context.after(random.int(0, 2), random);
  await context.send(lead, { type: 'AssignLead', data: { owner: rep.id } }, world.managerOf(rep).id);
  if (mayClaim(context, customer, rep.id)) await claimCustomer(context, customer, rep.id);

  const touch = async () => {
    const channel = random.weighted(TOUCHES);
    await context.send(
      lead,
      {
        type: 'RecordLeadTouch',
        data: {
          channel,
          note: `${channel} about the ${need}`,
          touchedAt: new Date(context.now).toISOString(),
        },
      },
      rep.id,
    );
    customer.lastTouch = context.now;
  };
  for (let i = random.int(1, 3); i > 0; i--) {
    yield context.after(random.int(2, 8), random);
    await touch();
  }
  if (random.chance(0.05)) {
    const others = world.inTeam(rep.team, 'account').filter((p) => p.id !== rep.id);
    if (others.length > 0) {
      const to = random.pick(others);
      await context.send(
        lead,
        { type: 'ReassignLead', data: { owner: to.id, reason: `${rep.name} is out for a month` } },
        world.managerOf(rep).id,
      );
      rep = to;
    }
  }
  const outcome = random.weighted([
    ['disqualify', 24],
    ['nurture', 14],
    ['qualify', 62],
  ] as const);
  if (outcome === 'disqualify') {
    yield context.after(random.int(1, 5), random);
    await context.send(
      lead,
      {
        type: 'DisqualifyLead',
        data: {
          reason: random.pick([
            'no budget this year',
            'not a fit for our portfolio',
            'went with the incumbent',
          ]),
        },
      },
      rep.id,
    );
    if (!random.chance(0.15)) return;
    yield context.after(random.int(20, 70), random);
    await context.send(
      lead,
      { type: 'ReopenLead', data: { reason: 'the customer came back with a new budget' } },
      rep.id,
    );
    await touch();
  } else if (outcome === 'nurture') {
    yield* nurture(context, lead, rep, random, touch);
  }
  yield context.after(random.int(1, 6), random);
  let grade = random.weighted([
    ['hot', 35],
    ['warm', 45],
    ['cold', 20],
  ] as const);
  const bant = (amount = estimate) => ({
    budget: {
      amount,
      paymentTerms: random.pick(['30% on order, 70% on acceptance', 'net 60', 'quarterly in arrears']),
    },
    authority: {
      decisionProcess: 'steering committee after a technical review',
      keyPerson: 'head of operations',
      decisionMaker: 'the CFO',
    },
    need: {
      realNeed: `replace the ageing ${need} before the next audit`,
      supplierQualification: 'ISO 27001 and two references in the sector',
      productStandards: 'EU data residency, 99.9% availability',
      deliveryStandards: 'go-live within six months, on-site training',
    },
    time: {
      projectApprovalDate: isoDate(context.now - random.int(10, 60) * DAY),
      needFoundDate: isoDate(context.now - random.int(60, 120) * DAY),
      decisionDate: isoDate(context.now + random.int(60, 200) * DAY),
    },
  });
  let budget = bant();
  await context.send(lead, { type: 'QualifyLead', data: { ...budget, grade } }, rep.id);
  if (grade === 'cold') {
    yield* nurture(context, lead, rep, random, touch);
    if (random.chance(0.35)) {
      await context.send(
        lead,
        { type: 'DisqualifyLead', data: { reason: 'stayed cold after nurturing' } },
        rep.id,
      );
      return;
    }
    grade = 'warm';
    budget = bant(world.money((estimate.amountMinor / 100) * 0.9, estimate.currency));
    await context.send(lead, { type: 'QualifyLead', data: { ...budget, grade } }, rep.id);
  }
  yield context.after(random.int(1, 10), random);
  const opportunityId = world.nextId('opp-');
  await context.send(lead, { type: 'ConvertLead', data: { opportunityId } }, rep.id);
  context.spawn(`deal ${opportunityId}`, (r) =>
    opportunityJourney(
      context,
      {
        opportunityId,
        customer,
        owner: rep,
        leadGrade: grade,
        amount: budget.budget.amount,
        expectedCloseDate: budget.time.decisionDate,
      },
      r,
    ),
  );
}

async function* nurture(
  context: DemoContext,
  lead: { kind: 'lead'; id: string },
  rep: DemoPerson,
  random: Random,
  touch: () => Promise<void>,
): Journey {
  const wait = random.int(25, 80);
  await context.send(
    lead,
    {
      type: 'NurtureLead',
      data: { reason: 'timing: budget opens next quarter', revisitOn: isoDate(context.now + wait * DAY) },
    },
    rep.id,
  );
  yield context.after(wait / 2, random);
  await touch();
  yield context.after(wait / 2, random);
  await touch();
}

/** A rep's own lead generation: referrals and inbound requests on the customers they own. */
function* repLeads(context: DemoContext, rep: DemoPerson, random: Random): Journey {
  for (;;) {
    yield context.after(random.int(5, Math.round(60 / REP_LEADS_PER_MONTH)), random);
    const owned = context.world.ownedBy(rep.id);
    if (owned.length === 0) continue;
    const customer = random.pick(owned);
    context.spawn(`lead of ${rep.id}`, (r) =>
      leadJourney(context, { customer, rep, source: random.weighted(REP_SOURCES), capturedBy: rep.id }, r),
    );
  }
}

/** Marketing (ops) captures leads from events, salons and campaigns; the team of the rep works them. */
function* marketingLeads(context: DemoContext, random: Random): Journey {
  const reps = context.world.byJob('account');
  const perDay = (reps.length * MARKETING_LEADS_PER_MONTH_PER_REP) / 21;
  for (;;) {
    yield context.after(random.int(1, Math.max(1, Math.round(2 / perDay))), random);
    const pool = context.world.publicPool();
    if (pool.length === 0) continue;
    const customer = random.pick(pool);
    const rep = random.pick(reps);
    context.spawn(`marketing lead`, (r) =>
      leadJourney(
        context,
        {
          customer,
          rep,
          source: random.weighted(MARKETING_SOURCES),
          capturedBy: random.pick(['ops-1', 'ops-2']),
        },
        r,
      ),
    );
  }
}

/** Leads from every source, BANT qualification, nurturing, disqualification and conversion. */
export const leadsActivity: DemoActivity = {
  name: 'leads',
  start: (context) => {
    for (const rep of context.world.byJob('account'))
      context.spawn(`leads of ${rep.id}`, (r) => repLeads(context, rep, r));
    context.spawn('marketing', (r) => marketingLeads(context, r));
  },
};
