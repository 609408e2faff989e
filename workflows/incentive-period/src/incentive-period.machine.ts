import { assign, setup } from 'xstate';
import type { IncentivePeriodEvent } from './incentive-period.events';

/** What a period's stream knows. */
export type IncentivePeriodContext = Readonly<{
  planId: string | null;
  period: string | null;
  from: string | null;
  to: string | null;
  closedBy: string | null;
}>;

export const emptyIncentivePeriodContext: IncentivePeriodContext = {
  planId: null,
  period: null,
  from: null,
  to: null,
  closedBy: null,
};

/** One period of a plan: open, then closed. Closed is final: nothing is accepted after the close. */
export const incentivePeriodMachine = setup({
  types: { context: {} as IncentivePeriodContext, events: {} as IncentivePeriodEvent },
  actions: {
    open: assign(({ event }) =>
      event.type === 'IncentivePeriodOpened'
        ? { planId: event.data.planId, period: event.data.period, from: event.data.from, to: event.data.to }
        : {},
    ),
    close: assign(({ event }) =>
      event.type === 'IncentivePeriodClosed' ? { closedBy: event.data.closedBy } : {},
    ),
  },
}).createMachine({
  id: 'incentive-period',
  context: emptyIncentivePeriodContext,
  initial: 'none',
  states: {
    none: { on: { IncentivePeriodOpened: { target: 'open', actions: 'open' } } },
    open: { on: { IncentivePeriodClosed: { target: 'closed', actions: 'close' } } },
    closed: {},
  },
});
