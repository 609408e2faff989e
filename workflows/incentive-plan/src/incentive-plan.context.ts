import type { PeriodId, PlanTerms } from './incentive-plan.values';

/** What a plan's stream knows: the terms in force now and from when the plan runs. */
export type IncentivePlanContext = Readonly<{
  planId: string | null;
  /** The first period of the plan (its publication's `effectiveFrom`). */
  effectiveFrom: PeriodId | null;
  /** The latest terms (published, or the last correction). */
  terms: PlanTerms | null;
  /** The last period that earns, once retired. */
  retiredAfter: PeriodId | null;
  /** How many targets were set (the targets themselves are the read model's). */
  targetsSet: number;
}>;

export const emptyIncentivePlanContext: IncentivePlanContext = {
  planId: null,
  effectiveFrom: null,
  terms: null,
  retiredAfter: null,
  targetsSet: 0,
};
