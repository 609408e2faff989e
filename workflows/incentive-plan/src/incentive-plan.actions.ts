import type { IncentivePlanContext } from './incentive-plan.context';
import type { IncentivePlanEvent } from './incentive-plan.events';

type Args = Readonly<{ context: IncentivePlanContext; event: IncentivePlanEvent }>;
type Update = (args: Args) => Partial<IncentivePlanContext>;
type DataOf<T extends IncentivePlanEvent['type']> = Extract<IncentivePlanEvent, { type: T }>['data'];

const on =
  <T extends IncentivePlanEvent['type']>(
    type: T,
    update: (data: DataOf<T>) => Partial<IncentivePlanContext>,
  ): Update =>
  ({ event }) =>
    event.type === type ? update(event.data as DataOf<T>) : {};

/** The context updates of the plan machine, by event (the targets themselves live in the read model). */
export const incentivePlanUpdates = {
  publish: on('IncentivePlanPublished', (d) => ({
    planId: d.planId,
    effectiveFrom: d.effectiveFrom,
    terms: d.terms,
  })),
  correct: on('IncentivePlanCorrected', (d) => ({ terms: d.terms })),
  countTarget: ({ context, event }: Args) =>
    event.type === 'IncentiveTargetSet' ? { targetsSet: context.targetsSet + 1 } : {},
  retire: on('IncentivePlanRetired', (d) => ({ retiredAfter: d.effectiveAfter })),
} as const;
