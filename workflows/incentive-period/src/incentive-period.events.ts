import type { Event } from '@ltc/domain';
import type { PeriodId } from '@ltc/workflow-incentive-plan';

// Stream `incentive-period-<planId>.<periodId>` (incentivePeriodStream of @ltc/domain), e.g.
// incentive-period-plan1.2026-11: see `incentivePeriodStreamId`.

/** The period's instants: `from` inclusive, `to` exclusive (ISO-8601 UTC). */
export type IncentivePeriodOpened = Event<
  'IncentivePeriodOpened',
  { planId: string; period: PeriodId; from: string; to: string }
>;
/**
 * Closed is final. The frozen statement of the period is computed from every event before this close
 * event in log order (knownAt = the close event's global position - 1).
 */
export type IncentivePeriodClosed = Event<
  'IncentivePeriodClosed',
  { planId: string; period: PeriodId; closedBy: string }
>;

export type IncentivePeriodEvent = IncentivePeriodOpened | IncentivePeriodClosed;

export const INCENTIVE_PERIOD_EVENT_TYPES = [
  'IncentivePeriodOpened',
  'IncentivePeriodClosed',
] as const satisfies readonly IncentivePeriodEvent['type'][];
