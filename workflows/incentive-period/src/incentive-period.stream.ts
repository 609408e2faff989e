import { incentivePeriodStream } from '@ltc/domain';
import { parsePeriodId, type PeriodId } from '@ltc/workflow-incentive-plan';

/** `incentive-period-<planId>.<periodId>`: one stream per plan and period. */
export function incentivePeriodStreamId(planId: string, period: PeriodId): string {
  return incentivePeriodStream.id(`${planId}.${parsePeriodId(period).id}`);
}

/** The plan and period of an incentive-period stream id, or `undefined` for any other stream. */
export function parseIncentivePeriodStreamId(
  streamId: string,
): Readonly<{ planId: string; period: PeriodId }> | undefined {
  const id = incentivePeriodStream.parse(streamId);
  const dot = id?.lastIndexOf('.') ?? -1;
  if (id === undefined || dot <= 0) return undefined;
  return { planId: id.slice(0, dot), period: id.slice(dot + 1) };
}
