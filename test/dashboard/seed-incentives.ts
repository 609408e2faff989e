import { eventually } from '../support/eventually';
import { ok, type As } from '../support/session';

const monthOf = (d: Date): string => d.toISOString().slice(0, 7);
/** This month and the next (UTC), as the plan's monthly periods name them. */
export const MONTH = monthOf(new Date());
export const NEXT_MONTH = (() => {
  const [y, m] = MONTH.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(y, m, 1)));
})();

/** The east team's plan: 10 % of the signed amount, no multipliers, split AR 50 / SR 30 / FR 20. */
export const PLAN = 'plan-east';
export const PLAN_TERMS = {
  name: 'East incentives',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: {},
  pool: {
    signedRateBp: 1000,
    collectedRateBp: 0,
    strategicMultiplierBp: 10000,
    newCustomerMultiplierBp: 10000,
  },
  split: { AR: 5000, SR: 3000, FR: 2000 },
  attainment: { credit: 'whole', mode: 'marginal', tiers: [{ fromBp: 0, toBp: null, rateBp: 10000 }] },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: false },
  participants: ['ann', 'sam', 'fay'],
};

/**
 * After the deals of seed.ts: the plan from this month, this month opened and closed over opp-won's win
 * (90,000.00 EUR × 10 % = 9,000.00 pool: ann 4,500.00, sam 2,700.00, fay 1,800.00), then corrected from
 * this month to 12 % (10,800.00 pool: ann 5,400.00, sam 3,240.00, fay 2,160.00), so next month pays the
 * differences as adjustments (ann +900.00, sam +540.00, fay +360.00); next month opened.
 */
export async function seedIncentives(as: As): Promise<void> {
  await ok(
    as('ops', 'POST', '/api/incentives/plans', { planId: PLAN, effectiveFrom: MONTH, terms: PLAN_TERMS }),
  );
  await ok(as('ops', 'POST', `/api/incentives/periods/${PLAN}.${MONTH}/open`, {}));
  await eventually(async () =>
    expect((await ok(as('ops', 'GET', `/api/incentives/statements/ann/${MONTH}`)))['totals']).toMatchObject({
      earnedMinor: 450_000,
    }),
  );
  await ok(as('ops', 'POST', `/api/incentives/periods/${PLAN}.${MONTH}/close`, {}));
  await ok(
    as('ops', 'POST', `/api/incentives/plans/${PLAN}/correct`, {
      effectiveFrom: MONTH,
      terms: { ...PLAN_TERMS, pool: { ...PLAN_TERMS.pool, signedRateBp: 1200 } },
      reason: 'signed rate agreed at 12 %',
    }),
  );
  await ok(as('ops', 'POST', `/api/incentives/periods/${PLAN}.${NEXT_MONTH}/open`, {}));
}
