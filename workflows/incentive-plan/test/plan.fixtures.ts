import type { PlanTerms } from '../src/incentive-plan.values';

/** A plan in EUR, monthly: 1 % on signed, 2 % on collected, x1.5 strategic, x1.2 new, split 50/30/20. */
export const terms = (overrides: Partial<PlanTerms> = {}): PlanTerms => ({
  name: 'Sales 2026',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: { USD: '0.92', CNY: '0.128' },
  pool: {
    signedRateBp: 100,
    collectedRateBp: 200,
    strategicMultiplierBp: 15000,
    newCustomerMultiplierBp: 12000,
  },
  split: { AR: 5000, SR: 3000, FR: 2000 },
  attainment: {
    credit: 'whole',
    mode: 'marginal',
    tiers: [
      { fromBp: 0, toBp: 5000, rateBp: 0 },
      { fromBp: 5000, toBp: 10000, rateBp: 8000 },
      { fromBp: 10000, toBp: null, rateBp: 15000 },
    ],
  },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
  participants: ['ana', 'ben', 'cleo'],
  ...overrides,
});
