import type { IncentivePlanContext } from './incentive-plan.context';
import type { IncentivePlanEvent } from './incentive-plan.events';
import { comparePeriods, parsePeriodId, type PeriodId } from './incentive-plan.values';

type GuardArgs = Readonly<{ context: IncentivePlanContext; event: IncentivePlanEvent }>;

/** The period the event names (correction, retirement or target), if any. */
function periodNamed(event: IncentivePlanEvent): PeriodId | undefined {
  switch (event.type) {
    case 'IncentivePlanCorrected':
      return event.data.effectiveFrom;
    case 'IncentivePlanRetired':
      return event.data.effectiveAfter;
    case 'IncentiveTargetSet':
      return event.data.period;
    default:
      return undefined;
  }
}

/** Whether `period` is a period of the plan: of its kind, and not before it took effect. */
export function isPeriodOfPlan(context: IncentivePlanContext, period: PeriodId): boolean {
  const { terms, effectiveFrom } = context;
  return (
    terms !== null &&
    effectiveFrom !== null &&
    parsePeriodId(period).kind === terms.periodKind &&
    comparePeriods(period, effectiveFrom) >= 0
  );
}

/** Pure guard predicates of the plan machine, by name; the rule texts live in `incentivePlanRefusalTexts`. */
export const incentivePlanGuards = {
  periodOfPlan: ({ context, event }: GuardArgs): boolean => {
    const period = periodNamed(event);
    return period !== undefined && isPeriodOfPlan(context, period);
  },
  samePeriodKind: ({ context, event }: GuardArgs): boolean =>
    event.type === 'IncentivePlanCorrected' && event.data.terms.periodKind === context.terms?.periodKind,
  participant: ({ context, event }: GuardArgs): boolean =>
    event.type === 'IncentiveTargetSet' &&
    (context.terms?.participants.includes(event.data.personId) ?? false),
} as const;

/** Why each guard refuses, in words a sales operations person understands. */
export const incentivePlanRefusalTexts: Readonly<Record<string, string>> = {
  periodOfPlan: 'the period must be one of the plan: of its period kind, and not before the plan took effect',
  samePeriodKind: 'a correction keeps the period kind of the plan (its periods exist already)',
  participant: 'targets are set only for the participants of the plan',
};
