import type { Money } from '@ltc/domain';
import type { LeadGrade } from '@ltc/workflow-lead';
import type { IronTriangle } from '@ltc/workflow-gates';
import type { ForecastCategory, NegotiationSituation } from '@ltc/workflow-opportunity';
import type { Journey } from '../agenda';
import { DAY, isoDate } from '../calendar';
import type { DemoContext } from '../demo-context';
import type { DemoCustomer, DemoPerson } from '../demo-world';
import type { Random } from '../random';
import { contractJourney } from './contracts.activity';
import { passGate } from './gates';

export type DealStart = Readonly<{
  opportunityId: string;
  customer: DemoCustomer;
  owner: DemoPerson;
  leadGrade: LeadGrade;
  /** The lead's BANT budget and decision date: what the process manager opens the deal with. */
  amount: Money;
  expectedCloseDate: string;
}>;

const COMPETITORS = ['Siemens', 'SAP', 'Oracle', 'a local integrator', 'the incumbent'];
const LOSS_REASONS = [
  'price',
  'the incumbent kept the account',
  'feature gap',
  'the customer chose a platform vendor',
];
const ABANDON_REASONS = [
  'the customer froze the budget',
  'project cancelled after a merger',
  'no sponsor left',
];
/** Two thirds of the time the price moves by this share of the reviewed quote, in the situation's direction. */
const SITUATIONS: Record<
  NegotiationSituation,
  { weight: number; price: readonly [number, number]; note: string }
> = {
  'win-win': { weight: 4, price: [-0.03, 0], note: 'traded a longer term for a small discount' },
  'win-lose': { weight: 2, price: [0, 0.02], note: 'held the price; the customer accepted our terms' },
  'lose-win': { weight: 2, price: [-0.09, -0.04], note: 'a deliberate concession to secure the reference' },
  'lose-lose': { weight: 1, price: [-0.07, -0.03], note: 'both sides gave up value to keep talking' },
  break: { weight: 1, price: [0, 0], note: 'deadlock on purpose: bringing in our regional director' },
  delay: { weight: 2, price: [0, 0], note: 'slowing the decision until the budget round' },
};

const SITUATION_WEIGHTS = Object.entries(SITUATIONS).map(
  ([s, v]) => [s as NegotiationSituation, v.weight] as const,
);

/**
 * A deal opened by the process manager from a converted lead: the manager names the iron triangle, the
 * AR validates it with the four questions, the triangle passes the three deal gates (with rejections
 * and resubmissions), SR prepares the quote, the AR bids and negotiates through the six situations; the
 * deal ends won (its contract journey starts), lost to a competitor, or abandoned.
 */
export async function* opportunityJourney(context: DemoContext, start: DealStart, random: Random): Journey {
  const { world } = context;
  const { customer, owner } = start;
  const deal = { kind: 'opportunity', id: start.opportunityId } as const;
  const currency = customer.currency;
  const manager = world.managerOf(owner);
  const team = owner.team;
  let triangle: IronTriangle = {
    AR: owner.id,
    SR: world.inTeam(team, 'solution')[0]!.id,
    FR: world.inTeam(team, 'delivery')[0]!.id,
  };
  const abandon = () => {
    world.deals.delete(deal.id);
    return context.send(
      deal,
      { type: 'AbandonOpportunity', data: { reason: random.pick(ABANDON_REASONS) } },
      owner.id,
    );
  };
  const tracked = () => world.deals.get(deal.id);
  // The AR calls the deal as it progresses; one time in ten the manager does it on the forecast review.
  const categorize = async (category: ForecastCategory, note: string) => {
    const open = tracked();
    if (open === undefined || open.category === category) return;
    const by = random.chance(0.1) ? manager.id : owner.id;
    await context.send(deal, { type: 'SetForecastCategory', data: { category, note } }, by);
    open.category = category;
  };
  const lost = async () => {
    world.deals.delete(deal.id);
    return context.send(
      deal,
      {
        type: 'LoseOpportunity',
        data: { reason: random.pick(LOSS_REASONS), competitor: random.pick(COMPETITORS) },
      },
      owner.id,
    );
  };

  yield context.after(random.next() * 2, random);
  await context.send(deal, { type: 'AssignIronTriangle', data: { triangle } }, manager.id);
  yield context.after(random.int(2, 10), random);
  const worth = !random.chance(0.05);
  const probability = { hot: 60, warm: 40, cold: 20 }[start.leadGrade] + random.int(-10, 10);
  await context.send(
    deal,
    {
      type: 'ValidateOpportunity',
      data: {
        isReal: true,
        solutionFits: worth,
        winProbability: probability,
        worthWinning: worth,
        notes: worth ? 'four questions answered with the customer' : 'margin too low to be worth winning',
      },
    },
    owner.id,
  );
  if (!worth) {
    yield context.after(random.int(1, 5), random);
    return void (await abandon());
  }
  let amount = start.amount;
  let closeDate = start.expectedCloseDate;
  // A deal opens in the pipeline category.
  world.deals.set(deal.id, {
    owner: owner.id,
    team,
    amount,
    expectedCloseDate: closeDate,
    category: 'pipeline',
  });
  const changed = world.money((amount.amountMinor / 100) * (random.next() * 0.6 + 0.7), currency);
  if (random.chance(0.3) && changed.amountMinor !== amount.amountMinor) {
    yield context.after(random.int(1, 5), random);
    await context.send(
      deal,
      {
        type: 'ChangeAmount',
        data: { amount: changed, reason: 'scope clarified in the discovery workshop' },
      },
      owner.id,
    );
    amount = changed;
    tracked()!.amount = amount;
  }
  const guidance = () =>
    context.send(
      deal,
      {
        type: 'RecordPreBidGuidance',
        data: {
          note: random.pick([
            'walked the customer through our reference architecture',
            'agreed the evaluation criteria with the buyer',
            'aligned the tender requirements with our standards',
          ]),
        },
      },
      triangle.SR,
    );
  yield* passGate(context, deal, 'opportunityApproval', () => triangle, random, 0.15);
  if (random.chance(0.05)) {
    const role = random.pick(['SR', 'FR'] as const);
    const others = world.people.filter(
      (p) => p.job === (role === 'SR' ? 'solution' : 'delivery') && p.id !== triangle[role],
    );
    if (others.length > 0) {
      const to = random.pick(others).id;
      await context.send(
        deal,
        { type: 'ReassignIronTriangleRole', data: { role, to, reason: 'workload: moved to a colleague' } },
        manager.id,
      );
      triangle = { ...triangle, [role]: to };
    }
  }
  for (let i = random.int(1, 2); i > 0; i--) {
    yield context.after(random.int(3, 14), random);
    await guidance();
  }
  if (random.chance(0.06)) return void (await abandon());
  yield* passGate(
    context,
    deal,
    'solutionConsensus',
    () => triangle,
    random,
    0.15,
    async function* () {
      yield context.after(random.int(2, 6), random);
      await guidance();
    },
  );
  if (random.chance(0.8)) await categorize('best-case', 'solution agreed with the customer');
  const quoteReference = `Q-${start.opportunityId}`;
  let quote = world.money((amount.amountMinor / 100) * (0.92 + random.next() * 0.12), currency);
  yield context.after(random.int(4, 18), random);
  await context.send(deal, { type: 'PrepareQuote', data: { quoteReference, amount: quote } }, triangle.SR);
  yield* passGate(
    context,
    deal,
    'quoteReview',
    () => triangle,
    random,
    0.2,
    async function* () {
      yield context.after(random.int(2, 6), random);
      quote = world.money((quote.amountMinor / 100) * 1.04, currency);
      await context.send(
        deal,
        { type: 'PrepareQuote', data: { quoteReference, amount: quote } },
        triangle.SR,
      );
    },
  );
  let reviewed = quote;
  tracked()!.amount = quote;
  if (random.chance(0.4)) await categorize('commit', 'quote reviewed: the customer has the budget');
  else await categorize('best-case', 'quote reviewed');
  yield context.after(random.int(1, 7), random);
  await context.send(
    deal,
    {
      type: 'SubmitBid',
      data: { quoteReference, amount: quote, validUntil: isoDate(context.now + 90 * DAY) },
    },
    owner.id,
  );
  for (
    let round = 1,
      rounds = random.weighted([
        [0, 2],
        [1, 4],
        [2, 3],
        [3, 2],
      ] as const);
    round <= rounds;
    round++
  ) {
    yield context.after(random.int(4, 20), random);
    const situation = context.deck('negotiation situations', SITUATION_WEIGHTS).draw();
    const [low, high] = SITUATIONS[situation].price;
    const moves = low !== high && random.chance(0.67);
    const change = moves
      ? Math.round((reviewed.amountMinor * (low + random.next() * (high - low))) / 100_00) * 100_00
      : 0;
    const priceChange = { amountMinor: quote.amountMinor + change > 0 ? change : 0, currency };
    await context.send(
      deal,
      { type: 'RecordNegotiationRound', data: { situation, priceChange, note: SITUATIONS[situation].note } },
      owner.id,
    );
    quote = { amountMinor: quote.amountMinor + priceChange.amountMinor, currency };
    tracked()!.amount = quote;
    if (situation === 'delay' || situation === 'break') {
      // A stalled deal is called down: omitted now and then, else back to best case.
      if (random.chance(0.3)) await categorize('omitted', 'stalled: left out of the call until it moves');
      else await categorize('best-case', 'the decision slipped');
    } else if (random.chance(0.6)) await categorize('commit', 'in negotiation: verbal agreement on terms');
    const later = isoDate(context.now + random.int(45, 120) * DAY);
    if (situation === 'delay' && later !== closeDate) {
      await context.send(
        deal,
        {
          type: 'ChangeExpectedCloseDate',
          data: { expectedCloseDate: later, reason: 'the customer moved the decision' },
        },
        owner.id,
      );
      closeDate = later;
      tracked()!.expectedCloseDate = later;
    }
    // More than 5% under the reviewed price: the quote goes back to review before anyone may sign.
    if (quote.amountMinor * 100 < reviewed.amountMinor * 95) {
      yield context.after(random.int(1, 3), random);
      yield* passGate(context, deal, 'quoteReview', () => triangle, random, 0.1);
      reviewed = quote;
    }
  }
  const outcome = random.weighted([
    ['won', start.leadGrade === 'hot' ? 55 : 42],
    ['lost', 40],
    ['abandoned', 10],
  ] as const);
  const gap = random.int(5, 25);
  yield context.after(gap, random);
  if (outcome === 'lost') return void (await lost());
  if (outcome === 'abandoned') return void (await abandon());
  world.deals.delete(deal.id);
  const contractId = world.nextId('contract-');
  const lateBy = random.chance(0.25) ? random.int(1, Math.min(3, gap - 3)) * DAY : 0;
  await context.send(
    deal,
    {
      type: 'WinOpportunity',
      // A late entry one time in four: signed on Friday, recorded on Monday (the signature is its business time).
      data: { contractId, signedAmount: quote, signedAt: new Date(context.now - lateBy).toISOString() },
    },
    owner.id,
  );
  customer.won = true;
  context.spawn(`contract ${contractId}`, (r) =>
    contractJourney(context, { contractId, customer, amount: quote, triangle, manager }, r),
  );
}
