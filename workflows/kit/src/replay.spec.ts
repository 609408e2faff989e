import { and, assign, not, setup } from 'xstate';
import { replayerOf } from './replay';
import { ReplayError } from './refusal';
import { defineWorkflow } from './workflow';

type Ev = { type: 'ADD'; n: number } | { type: 'OPEN' } | { type: 'CLOSE' } | { type: 'RESET' };

/** Nested states, parameterised and composite guards, object and function assigns, a final state. */
const machine = setup({
  types: { context: {} as { total: number; opened: number }, events: {} as Ev },
  guards: {
    below: ({ context }, params: { limit: number }) => context.total < params.limit,
    positive: ({ event }) => event.type === 'ADD' && event.n > 0,
  },
  actions: {
    add: assign({ total: ({ context, event }) => context.total + (event.type === 'ADD' ? event.n : 0) }),
    countOpen: assign(({ context }) => ({ opened: context.opened + 1 })),
    reset: assign({ total: 0 }),
  },
}).createMachine({
  context: { total: 0, opened: 0 },
  initial: 'closed',
  states: {
    closed: { on: { OPEN: { target: 'open', actions: 'countOpen' } } },
    open: {
      initial: 'idle',
      on: { RESET: { actions: 'reset' }, CLOSE: 'done' },
      states: {
        idle: {
          on: {
            ADD: [
              {
                guard: and([{ type: 'below', params: { limit: 10 } }, 'positive']),
                target: 'busy',
                actions: 'add',
              },
              { guard: not('positive'), target: 'idle' },
            ],
          },
        },
        busy: { on: { ADD: { guard: { type: 'below', params: { limit: 10 } }, actions: 'add' } } },
      },
    },
    done: { type: 'final' },
  },
});

const workflow = defineWorkflow({ name: 'tally', version: 1, machine, commands: {}, refusalTexts: {} });

describe('replayerOf', () => {
  const events: Ev[] = [
    { type: 'ADD', n: 1 }, // refused: closed
    { type: 'OPEN' },
    { type: 'ADD', n: -1 }, // not positive: stays idle
    { type: 'ADD', n: 4 },
    { type: 'RESET' }, // the parent's transition, from a child state
    { type: 'ADD', n: 9 },
    { type: 'ADD', n: 3 }, // total 12
    { type: 'ADD', n: 1 }, // refused: not below 10
    { type: 'OPEN' }, // refused: no such transition in open
    { type: 'CLOSE' },
    { type: 'ADD', n: 1 }, // refused: done
  ];

  it('steps the fast way, with the same states, contexts and refusals as evolve', () => {
    const replay = replayerOf(workflow);
    expect(replay.fast).toBe(true);
    let fast = replay.initial();
    let slow = workflow.initialState();
    const trace: string[] = [];
    for (const event of events) {
      let slowNext: typeof slow | undefined;
      try {
        slowNext = workflow.evolve(slow, event);
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
      }
      const fastNext = replay.step(fast, event);
      expect([event, fastNext === undefined]).toEqual([event, slowNext === undefined]);
      if (fastNext !== undefined && slowNext !== undefined) {
        expect(replay.stateName(fastNext)).toBe(workflow.stateName(slowNext));
        expect(fastNext.context).toEqual(slowNext.context);
        expect(fastNext.status).toBe(slowNext.status);
        fast = fastNext;
        slow = slowNext;
      }
      trace.push(fastNext === undefined ? 'refused' : replay.stateName(fast));
    }
    expect(trace).toEqual([
      'refused',
      'open.idle',
      'open.idle',
      'open.busy',
      'open.busy',
      'open.busy',
      'open.busy',
      'refused',
      'refused',
      'done',
      'refused',
    ]);
    expect(fast.context).toEqual({ total: 12, opened: 1 });
    expect(fast.status).toBe('done');
  });

  it('names the leaf states in definition order', () => {
    expect(replayerOf(workflow).stages).toEqual(['closed', 'open.idle', 'open.busy', 'done']);
  });

  it('leaves machines with more than states, guards and assign to evolve', () => {
    const withEntry = setup({ actions: { log: () => undefined } }).createMachine({
      initial: 'a',
      states: { a: { entry: 'log', on: { GO: 'b' } }, b: { type: 'final' } },
    });
    const entryWorkflow = defineWorkflow({
      name: 'entry',
      version: 1,
      machine: withEntry,
      commands: {},
      refusalTexts: {},
    });
    const replay = entryWorkflow.replayer();
    expect(replay.fast).toBe(false);
    const next = replay.step(replay.initial(), { type: 'GO' })!;
    expect([replay.stateName(next), next.status]).toEqual(['b', 'done']);
    expect(replay.step(next, { type: 'GO' })).toBeUndefined();
  });

  it('is built once per workflow', () => {
    expect(workflow.replayer()).toBe(workflow.replayer());
  });
});
