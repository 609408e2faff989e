import { and, assign, setup } from 'xstate';
import { incentivePlanUpdates } from './incentive-plan.actions';
import { emptyIncentivePlanContext, type IncentivePlanContext } from './incentive-plan.context';
import type { IncentivePlanEvent } from './incentive-plan.events';
import { incentivePlanGuards } from './incentive-plan.guards';

const u = incentivePlanUpdates;

/**
 * An incentive plan: published, corrected any number of times (each from a period on), retired. Targets
 * are set per participant and period while the plan runs. Retired is final.
 */
export const incentivePlanMachine = setup({
  types: { context: {} as IncentivePlanContext, events: {} as IncentivePlanEvent },
  guards: incentivePlanGuards,
  actions: {
    publish: assign(u.publish),
    correct: assign(u.correct),
    countTarget: assign(u.countTarget),
    retire: assign(u.retire),
  },
}).createMachine({
  id: 'incentive-plan',
  context: emptyIncentivePlanContext,
  initial: 'none',
  states: {
    none: { on: { IncentivePlanPublished: { target: 'published', actions: 'publish' } } },
    published: {
      on: {
        IncentivePlanCorrected: { guard: and(['periodOfPlan', 'samePeriodKind']), actions: 'correct' },
        IncentiveTargetSet: { guard: and(['periodOfPlan', 'participant']), actions: 'countTarget' },
        IncentivePlanRetired: { guard: 'periodOfPlan', target: 'retired', actions: 'retire' },
      },
    },
    retired: {},
  },
});
