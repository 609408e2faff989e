import { and, assign, not, setup } from 'xstate';
import { replayerOf, type Replayer } from './replay';
import { compareReplayWithXState } from './replay-equivalence';
import { SpecFailedError } from './decider-spec';
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

  it('saves a state as plain data that, loaded again after JSON, steps the rest exactly as the original', () => {
    const replay = replayerOf(workflow);
    const run = (from: ReturnType<Replayer['initial']>, rest: readonly Ev[]) => {
      let state = from;
      return rest.map((event) => {
        const next = replay.step(state, event);
        if (next === undefined) return 'refused';
        state = next;
        return `${replay.stateName(next)} ${JSON.stringify(next.context)} ${next.status}`;
      });
    };
    let state = replay.initial();
    events.forEach((event, i) => {
      const saved = replay.save(state);
      const loaded = replay.load(JSON.parse(JSON.stringify(saved)) as typeof saved);
      expect(replay.stateName(loaded)).toBe(replay.stateName(state));
      expect(loaded.status).toBe(state.status);
      expect(run(loaded, events.slice(i))).toEqual(run(state, events.slice(i)));
      state = replay.step(state, event) ?? state;
    });
    expect(replay.save(state)).toEqual({ state: 'done', context: { total: 12, opened: 1 } });
  });

  it('restores a nested state from its dotted name', () => {
    const restored = workflow.restore('open.busy', { total: 4, opened: 1 });
    expect(workflow.stateName(restored)).toBe('open.busy');
    expect(workflow.evolve(restored, { type: 'ADD', n: 2 }).context).toEqual({ total: 6, opened: 1 });
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
    // Saved and loaded through XState's own snapshot: the same state, finished.
    const loaded = replay.load(replay.save(replay.initial()));
    expect([replay.stateName(loaded), loaded.status]).toEqual(['a', 'active']);
    const again = replay.load(replay.save(next));
    expect([replay.stateName(again), again.status]).toEqual(['b', 'done']);
  });

  it('is built once per workflow', () => {
    expect(workflow.replayer()).toBe(workflow.replayer());
  });

  it("equals XState's transition() on every event, accepted and refused", () => {
    const comparison = compareReplayWithXState(workflow);
    const sent = events.map((event) => {
      // Every event of the list is also tried in every state on the way, without moving on.
      for (const stray of events) comparison.probe(stray);
      return comparison.send(event);
    });
    expect(sent).toEqual([false, true, true, true, true, true, true, false, false, true, false]);
    const { accepted, refused } = comparison.counts();
    expect(accepted + refused).toBe(events.length * (events.length + 1));
    expect([accepted, refused].every((n) => n > 20)).toBe(true);
  });

  it('treats a transition with neither target nor actions as a refusal, as XState does', () => {
    const forbidding = setup({ types: { events: {} as { type: 'GO' } } }).createMachine({
      initial: 'a',
      on: { GO: '.b' },
      states: { a: { on: { GO: {} } }, b: {} },
    });
    const blocked = defineWorkflow({
      name: 'blocked',
      version: 1,
      machine: forbidding,
      commands: {},
      refusalTexts: {},
    });
    const replay = blocked.replayer();
    expect(replay.fast).toBe(true);
    expect(replay.step(replay.initial(), { type: 'GO' })).toBeUndefined();
    expect(() => blocked.evolve(blocked.initialState(), { type: 'GO' })).toThrow(ReplayError);
    expect(compareReplayWithXState(blocked).send({ type: 'GO' })).toBe(false);
  });

  it('names the first event where a replay departs from XState', () => {
    const real = workflow.replayer();
    const drifting: Replayer = {
      ...real,
      step: (state, event) => {
        const next = real.step(state, event);
        return next === undefined || event.type !== 'RESET'
          ? next
          : { ...next, context: { total: 1, opened: 1 } };
      },
    };
    const comparison = compareReplayWithXState({ ...workflow, replayer: () => drifting });
    comparison.send({ type: 'OPEN' });
    const add: Ev = { type: 'ADD', n: 4 };
    comparison.send(add);
    expect(() => comparison.send({ type: 'RESET' })).toThrow(SpecFailedError);
    expect(() => comparison.send({ type: 'RESET' })).toThrow(
      /after \[OPEN, ADD\], RESET in .*contexts differ/s,
    );
  });
});
