import { nextPeriod, periodOf, periodRange, type PlanTerms } from '@ltc/workflow-incentive-plan';
import type { Journey } from '../agenda';
import { DAY, HOUR, workingDayFrom } from '../calendar';
import type { DemoActivity, DemoContext } from '../demo-context';
import type { Random } from '../random';

const PLAN = 'sales';

/** The demo's plan: EUR, monthly, USD at a fixed rate; 1 % on signed and 2 % on collected amounts. */
const terms = (participants: string[], split: PlanTerms['split']): PlanTerms => ({
  name: 'Sales incentive plan',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: { USD: '0.92' },
  pool: {
    signedRateBp: 100,
    collectedRateBp: 200,
    strategicMultiplierBp: 15000,
    newCustomerMultiplierBp: 12000,
  },
  split,
  attainment: {
    credit: 'whole',
    mode: 'marginal',
    tiers: [
      { fromBp: 0, toBp: 5000, rateBp: 0 },
      { fromBp: 5000, toBp: 10000, rateBp: 10000 },
      { fromBp: 10000, toBp: null, rateBp: 15000 },
    ],
  },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
  participants,
});

/** The deal teams: account, solution and delivery managers. */
const participantsOf = (context: DemoContext): string[] =>
  context.world.people
    .filter((p) => p.job === 'account' || p.job === 'solution' || p.job === 'delivery')
    .map((p) => p.id);

/**
 * Sales operations publish the plan for the deal teams at the start of the history, open each month,
 * set every participant's target for it, and close it on the first working day of the next (09:00 UTC);
 * the last month stays open. The late payments and the terminations (clawbacks) of the contracts
 * activity, and the plan correction below, are the retroactive triggers the statements show.
 */
async function* plan(context: DemoContext, random: Random): Journey {
  const target = { kind: 'incentive-plan', id: PLAN } as const;
  const participants = participantsOf(context);
  const { end } = context.size;
  let period = periodOf('month', new Date(context.now).toISOString());
  await context.send(
    target,
    {
      type: 'PublishIncentivePlan',
      data: {
        planId: PLAN,
        effectiveFrom: period,
        terms: terms(participants, { AR: 5000, SR: 3000, FR: 2000 }),
      },
    },
    'ops-1',
  );
  for (;;) {
    const periodTarget = { kind: 'incentive-period', id: `${PLAN}.${period}` } as const;
    await context.send(
      periodTarget,
      { type: 'OpenIncentivePeriod', data: { planId: PLAN, period } },
      'ops-1',
    );
    for (const personId of participants) {
      const targetMinor = random.int(40, 120) * 10_000_00;
      await context.send(
        target,
        {
          type: 'SetIncentiveTarget',
          data: {
            planId: PLAN,
            personId,
            period,
            targetMinor,
            targetBonusMinor: random.int(20, 60) * 100_00,
            basis: { kind: 'baseSalary', amountMinor: random.int(40, 90) * 1000_00 },
          },
        },
        'ops-1',
      );
    }
    const closeAt = workingDayFrom(Date.parse(periodRange(period).to)) + 9 * HOUR;
    if (closeAt >= end) return;
    yield closeAt;
    await context.send(
      periodTarget,
      { type: 'CloseIncentivePeriod', data: { planId: PLAN, period } },
      'ops-2',
    );
    period = nextPeriod(period);
  }
}

/**
 * Past the middle of the history, ops correct the plan from the month before (closed on the first
 * working day of this one): SR's share goes up, a retroactive change to a closed period.
 */
async function* correction(context: DemoContext, random: Random, participants: string[]): Journey {
  const { start, end } = context.size;
  yield context.after((start + (end - start) * 0.6 - context.now) / DAY, random);
  const month = periodOf('month', new Date(context.now).toISOString());
  const previous = periodOf('month', new Date(Date.parse(periodRange(month).from) - 1).toISOString());
  const closedAt = workingDayFrom(Date.parse(periodRange(previous).to)) + 9 * HOUR;
  if (previous < periodOf('month', new Date(start).toISOString()) || context.now <= closedAt) return;
  await context.send(
    { kind: 'incentive-plan', id: PLAN },
    {
      type: 'CorrectIncentivePlan',
      data: {
        planId: PLAN,
        effectiveFrom: previous,
        terms: terms(participants, { AR: 4500, SR: 3500, FR: 2000 }),
        reason: `solution managers carry more of the deal from ${previous} (agreed late)`,
      },
    },
    'ops-1',
  );
}

/** Incentive plan, targets and monthly closes (incentive-plan and incentive-period streams). */
export const incentivesActivity: DemoActivity = {
  name: 'incentives',
  start: (context) => {
    context.spawn('incentive plan', (r) => plan(context, r));
    context.spawn('plan correction', (r) => correction(context, r, participantsOf(context)));
  },
};
