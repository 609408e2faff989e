import type { Command } from '@ltc/domain';
import type { TargetBasisKind } from './incentive-plan.events';
import type { PeriodId, PlanTerms } from './incentive-plan.values';

// The plan's id travels in the data (events carry it); the stream is incentive-plan-<planId>.

export type PublishIncentivePlan = Command<
  'PublishIncentivePlan',
  { planId: string; effectiveFrom: PeriodId; terms: PlanTerms }
>;
export type CorrectIncentivePlan = Command<
  'CorrectIncentivePlan',
  { planId: string; effectiveFrom: PeriodId; terms: PlanTerms; reason: string }
>;
export type RetireIncentivePlan = Command<
  'RetireIncentivePlan',
  { planId: string; effectiveAfter: PeriodId; reason: string }
>;
export type SetIncentiveTarget = Command<
  'SetIncentiveTarget',
  {
    planId: string;
    personId: string;
    period: PeriodId;
    targetMinor: number;
    targetBonusMinor: number;
    basis: { kind: TargetBasisKind; amountMinor: number };
    reason?: string | null;
  }
>;

export type IncentivePlanCommand =
  PublishIncentivePlan | CorrectIncentivePlan | RetireIncentivePlan | SetIncentiveTarget;
