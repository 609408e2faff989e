import { deciderSpec } from '@ltc/workflow-kit';
import type {
  IncentivePlanCorrected,
  IncentivePlanPublished,
  IncentivePlanRetired,
  IncentiveTargetSet,
} from '../src/incentive-plan.events';
import type { PlanTerms } from '../src/incentive-plan.values';
import { defaultIncentivePlanPolicy, incentivePlanWorkflow } from '../src/incentive-plan.workflow';

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

export const at = '2026-11-02T09:00:00.000Z';
export const given = deciderSpec(incentivePlanWorkflow, {
  at,
  actor: 'olga',
  policy: defaultIncentivePlanPolicy,
});

export const published: IncentivePlanPublished = {
  type: 'IncentivePlanPublished',
  data: { planId: 'sales26', effectiveFrom: '2026-01', terms: terms() },
};
export const corrected: IncentivePlanCorrected = {
  type: 'IncentivePlanCorrected',
  data: {
    effectiveFrom: '2026-03',
    terms: terms({ split: { AR: 4000, SR: 4000, FR: 2000 } }),
    reason: 'SR carries more of the deal from March',
  },
};
export const targetSet: IncentiveTargetSet = {
  type: 'IncentiveTargetSet',
  data: {
    personId: 'ana',
    period: '2026-02',
    targetMinor: 10_000_000,
    targetBonusMinor: 300_000,
    basis: { kind: 'baseSalary', amountMinor: 600_000 },
    reason: null,
  },
};
export const retired: IncentivePlanRetired = {
  type: 'IncentivePlanRetired',
  data: { effectiveAfter: '2026-12', reason: 'Replaced by the 2027 plan' },
};
