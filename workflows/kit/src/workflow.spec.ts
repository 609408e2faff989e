import { assign, setup } from 'xstate';
import type { Command, Event } from '@ltc/domain';
import { CommandRefusedError, ReplayError } from './refusal';
import { defineWorkflow } from './workflow';

type Opened = Event<'Opened', { limit: number }>;
type Added = Event<'Added', { amount: number }>;
type Closed = Event<'Closed', { at: string }>;
type E = Opened | Added | Closed;
type C = Command<'Open', { limit: number }> | Command<'Add', { amount: number }> | Command<'Close', object>;

const machine = setup({
  types: { context: {} as { limit: number; total: number; closedAt: string | null }, events: {} as E },
  guards: {
    withinLimit: ({ context, event }) =>
      event.type === 'Added' && context.total + event.data.amount <= context.limit,
  },
  actions: {
    open: assign({ limit: ({ event }) => (event.type === 'Opened' ? event.data.limit : 0) }),
    add: assign({
      total: ({ context, event }) => context.total + (event.type === 'Added' ? event.data.amount : 0),
    }),
    close: assign({ closedAt: ({ event }) => (event.type === 'Closed' ? event.data.at : null) }),
  },
}).createMachine({
  id: 'counter',
  context: { limit: 0, total: 0, closedAt: null },
  initial: 'none',
  states: {
    none: { on: { Opened: { target: 'open', actions: 'open' } } },
    open: {
      on: {
        Added: { guard: 'withinLimit', actions: 'add' },
        Closed: { target: 'closed', actions: 'close' },
      },
    },
    closed: { type: 'final' },
  },
});

const counter = defineWorkflow<typeof machine, C, null>({
  name: 'counter',
  version: 1,
  machine,
  refusalTexts: { withinLimit: 'the total may not exceed the limit' },
  commands: {
    Open: { produces: 'Opened', build: (c) => ({ type: 'Opened', data: { limit: c.data.limit } }) },
    Add: { produces: 'Added', build: (c) => ({ type: 'Added', data: { amount: c.data.amount } }) },
    Close: { produces: 'Closed', build: (_c, _s, ctx) => ({ type: 'Closed', data: { at: ctx.at } }) },
  },
});
const ctx = { at: '2026-01-02T03:04:05.000Z', actor: 'u1', policy: null };

describe('defineWorkflow', () => {
  it('decides events the machine accepts and evolves to the same state', () => {
    const s0 = counter.initialState();
    const { events, state } = counter.decide({ type: 'Open', data: { limit: 10 } }, s0, ctx);
    expect(events).toEqual([{ type: 'Opened', data: { limit: 10 } }]);
    expect(counter.stateName(state)).toBe('open');
    expect(counter.fold(events).context).toEqual(state.context);
  });

  it('takes time from the context, not a clock', () => {
    const open = counter.fold([{ type: 'Opened', data: { limit: 1 } }]);
    const { state } = counter.decide({ type: 'Close', data: {} }, open, ctx);
    expect(state.context.closedAt).toBe(ctx.at);
  });

  it('names the guard that refused and the commands allowed now', () => {
    const open = counter.fold([{ type: 'Opened', data: { limit: 10 } }]);
    const refused = () => counter.decide({ type: 'Add', data: { amount: 11 } }, open, ctx);
    expect(refused).toThrow(CommandRefusedError);
    try {
      refused();
    } catch (error) {
      expect((error as CommandRefusedError).refusal).toEqual({
        workflow: 'counter',
        command: 'Add',
        state: 'open',
        rule: 'withinLimit',
        reason: 'the total may not exceed the limit',
        allowed: ['Add', 'Close'],
      });
    }
  });

  it('refuses an event the state does not handle', () => {
    const s0 = counter.initialState();
    expect(() => counter.decide({ type: 'Close', data: {} }, s0, ctx)).toThrow(
      expect.objectContaining({
        refusal: expect.objectContaining({ rule: 'transitionNotAllowed', allowed: ['Open'] }),
      }),
    );
  });

  it('treats a stored event the machine refuses as a replay error', () => {
    expect(() => counter.fold([{ type: 'Added', data: { amount: 1 } }])).toThrow(ReplayError);
  });

  it('restores a snapshot from a stored state name and context, and decides on it as on the folded one', () => {
    const folded = counter.fold([{ type: 'Opened', data: { limit: 10 } }]);
    const restored = counter.restore(counter.stateName(folded), folded.context);
    expect([counter.stateName(restored), restored.context]).toEqual(['open', folded.context]);
    expect(counter.decide({ type: 'Add', data: { amount: 3 } }, restored, ctx).state.context).toEqual(
      counter.decide({ type: 'Add', data: { amount: 3 } }, folded, ctx).state.context,
    );
    expect(counter.allowedCommands(restored)).toEqual(counter.allowedCommands(folded));
  });
});
