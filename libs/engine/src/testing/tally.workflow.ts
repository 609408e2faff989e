import type { Command, Event } from '@ltc/domain';
import { defineWorkflow } from '@ltc/workflow-kit';
import { assign, setup } from 'xstate';

// A minimal workflow for engine tests: the engine must not depend on any one business machine.
export type TallyEvent =
  | Event<'TallyOpened', { limit: number }>
  | Event<'TallyCounted', { by: number; at: string }>
  | Event<'TallyClosed', { at: string }>;
export type TallyCommand =
  | Command<'OpenTally', { limit: number }>
  | Command<'Count', { by: number }>
  /** `signedAt` plays a command's own business date (like a contract's) in the business-time tests. */
  | Command<'CloseTally', { signedAt?: string }>;

const tallyMachine = setup({
  types: {
    context: {} as { limit: number; total: number; counts: number; lastAt: string | null },
    events: {} as TallyEvent,
  },
  guards: {
    withinLimit: ({ context, event }) =>
      event.type === 'TallyCounted' && context.total + event.data.by <= context.limit,
  },
  actions: {
    open: assign({ limit: ({ event }) => (event.type === 'TallyOpened' ? event.data.limit : 0) }),
    count: assign(({ context, event }) =>
      event.type === 'TallyCounted'
        ? { total: context.total + event.data.by, counts: context.counts + 1, lastAt: event.data.at }
        : {},
    ),
    close: assign({ lastAt: ({ event }) => (event.type === 'TallyClosed' ? event.data.at : null) }),
  },
}).createMachine({
  id: 'tally',
  context: { limit: 0, total: 0, counts: 0, lastAt: null },
  initial: 'new',
  states: {
    new: { on: { TallyOpened: { target: 'open', actions: 'open' } } },
    open: {
      on: {
        TallyCounted: { guard: 'withinLimit', actions: 'count' },
        TallyClosed: { target: 'closed', actions: 'close' },
      },
    },
    closed: { type: 'final' },
  },
});

export const tallyWorkflow = defineWorkflow<typeof tallyMachine, TallyCommand, null>({
  name: 'tally',
  version: 1,
  machine: tallyMachine,
  refusalTexts: { withinLimit: 'the total may not pass the limit' },
  commands: {
    OpenTally: {
      produces: 'TallyOpened',
      build: (c) => ({ type: 'TallyOpened', data: { limit: c.data.limit } }),
    },
    Count: {
      produces: 'TallyCounted',
      build: (c, _s, ctx) => ({ type: 'TallyCounted', data: { by: c.data.by, at: ctx.at } }),
    },
    CloseTally: {
      produces: 'TallyClosed',
      build: (_c, _s, ctx) => ({ type: 'TallyClosed', data: { at: ctx.at } }),
    },
  },
});
