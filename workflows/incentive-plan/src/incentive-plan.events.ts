import type { Event } from '@ltc/domain';
import type { PeriodId, PlanTerms } from './incentive-plan.values';

// Stream `incentive-plan-<planId>` (incentivePlanStream of @ltc/domain). Amounts are in plan currency.

/** A plan in force from `effectiveFrom` on. */
export type IncentivePlanPublished = Event<
  'IncentivePlanPublished',
  { planId: string; effectiveFrom: PeriodId; terms: PlanTerms }
>;
/** The terms apply to `effectiveFrom` and every later period; a past `effectiveFrom` is a retroactive trigger. */
export type IncentivePlanCorrected = Event<
  'IncentivePlanCorrected',
  { effectiveFrom: PeriodId; terms: PlanTerms; reason: string }
>;
/** No earnings for periods after `effectiveAfter`. */
export type IncentivePlanRetired = Event<
  'IncentivePlanRetired',
  { effectiveAfter: PeriodId; reason: string }
>;

export const TARGET_BASIS_KINDS = ['baseSalary', 'customerPool'] as const;
export type TargetBasisKind = (typeof TARGET_BASIS_KINDS)[number];
/** A person's target and target bonus for one period; a later one for the same person and period replaces it. */
export type IncentiveTargetSet = Event<
  'IncentiveTargetSet',
  {
    personId: string;
    period: PeriodId;
    targetMinor: number;
    targetBonusMinor: number;
    basis: { kind: TargetBasisKind; amountMinor: number };
    reason: string | null;
  }
>;

export type IncentivePlanEvent =
  IncentivePlanPublished | IncentivePlanCorrected | IncentivePlanRetired | IncentiveTargetSet;

export const INCENTIVE_PLAN_EVENT_TYPES = [
  'IncentivePlanPublished',
  'IncentivePlanCorrected',
  'IncentivePlanRetired',
  'IncentiveTargetSet',
] as const satisfies readonly IncentivePlanEvent['type'][];
