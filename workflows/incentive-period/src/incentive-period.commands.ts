import type { Command } from '@ltc/domain';
import type { PeriodId } from '@ltc/workflow-incentive-plan';

export type OpenIncentivePeriod = Command<'OpenIncentivePeriod', { planId: string; period: PeriodId }>;
export type CloseIncentivePeriod = Command<'CloseIncentivePeriod', { planId: string; period: PeriodId }>;

export type IncentivePeriodCommand = OpenIncentivePeriod | CloseIncentivePeriod;
