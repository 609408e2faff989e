import {
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import { canonicalJson } from './canonical-json';
import { SpecFailedError } from './decider-spec';
import type { ReplayState, Replayer } from './replay';
import { ReplayError } from './refusal';
import { stateValueToString } from './workflow';

type Replayable = Readonly<{
  name: string;
  machine: AnyStateMachine;
  replayer: () => Replayer;
  evolve: (state: never, event: never) => unknown;
}>;
type AnyEvent = Readonly<{ type: string }>;

/** Both sides of a replay comparison, stepped event by event from the initial state. */
export type ReplayComparison = Readonly<{
  /** Steps both with the event and compares them; both move on when it is accepted. Returns whether it was. */
  send: (event: AnyEvent) => boolean;
  /** Steps both with the event and compares them, then both stay where they were. */
  probe: (event: AnyEvent) => boolean;
  counts: () => Readonly<{ accepted: number; refused: number }>;
}>;

/** XState's own answer: `transition()`, where an unchanged snapshot is a refusal unless `can` says otherwise. */
function xstateStep(machine: AnyStateMachine, state: AnyMachineSnapshot, event: AnyEvent) {
  const [next] = transition(machine, state, event);
  return next !== state || state.can(event) ? next : undefined;
}

/** Equal as data, strictly: the same keys (an `undefined` value counts), primitives by `Object.is`. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every((k) => k in recordB && sameData((a as Record<string, unknown>)[k], recordB[k]));
}

const sameSnapshot = (a: AnyMachineSnapshot, b: AnyMachineSnapshot): boolean =>
  sameData(a.value, b.value) && a.status === b.status && sameData(a.context, b.context);

/**
 * Proves the fast replay equals XState: every event goes to `workflow.replayer()` and to XState's public
 * `transition()` from the same state, and a `SpecFailedError` names the first event where they differ in
 * accepted or refused, state name, context, or finished (the kit's `evolve` is held to the same). Used by `replay.spec.ts`, by every workflow's
 * `transitionCoverage` and by the projections over generated histories.
 */
export function compareReplayWithXState(workflow: Replayable): ReplayComparison {
  const { machine } = workflow;
  const replay = workflow.replayer();
  let reference: AnyMachineSnapshot = initialTransition(machine)[0];
  let fast: ReplayState = replay.initial();
  const initialName = stateValueToString(reference.value as StateValue);
  if (replay.stateName(fast) !== initialName || !sameData(fast.context, reference.context))
    throw new SpecFailedError(
      `${workflow.name}: the replay does not start where XState starts (${initialName})`,
    );
  let accepted = 0;
  let refused = 0;
  const history: string[] = [];

  const evolve = (state: AnyMachineSnapshot, event: AnyEvent): AnyMachineSnapshot | undefined => {
    try {
      return workflow.evolve(state as never, event as never) as AnyMachineSnapshot;
    } catch (error) {
      if (error instanceof ReplayError) return undefined;
      throw error;
    }
  };

  const compare = (
    event: AnyEvent,
  ): Readonly<{ next: AnyMachineSnapshot; fastNext: ReplayState }> | undefined => {
    const next = xstateStep(machine, reference, event);
    const fastNext = replay.step(fast, event);
    const evolved = evolve(reference, event);
    const at = () =>
      `${workflow.name}: after [${history.join(', ')}], ${event.type} in ${stateValueToString(reference.value as StateValue)}`;
    // The kit's evolve (XState's transition on a reused inert scope) must agree too.
    if (next === undefined ? evolved !== undefined : evolved === undefined || !sameSnapshot(next, evolved)) {
      throw new SpecFailedError(`${at()}: the kit's evolve does not give what XState's transition() gives`);
    }
    if ((next === undefined) !== (fastNext === undefined)) {
      throw new SpecFailedError(
        `${at()}: XState ${next === undefined ? 'refuses' : 'accepts'} it, the replay ${fastNext === undefined ? 'refuses' : 'accepts'} it`,
      );
    }
    if (next === undefined || fastNext === undefined) {
      refused++;
      return undefined;
    }
    accepted++;
    const expected = stateValueToString(next.value as StateValue);
    if (replay.stateName(fastNext) !== expected)
      throw new SpecFailedError(
        `${at()}: XState goes to ${expected}, the replay to ${replay.stateName(fastNext)}`,
      );
    if (fastNext.status !== next.status)
      throw new SpecFailedError(`${at()}: XState is ${next.status}, the replay ${fastNext.status}`);
    if (!sameData(fastNext.context, next.context)) {
      throw new SpecFailedError(
        `${at()}: contexts differ\nXState: ${canonicalJson(next.context)}\nreplay: ${canonicalJson(fastNext.context)}`,
      );
    }
    return { next, fastNext };
  };

  return {
    send: (event) => {
      const stepped = compare(event);
      if (stepped === undefined) return false;
      reference = stepped.next;
      fast = stepped.fastNext;
      history.push(event.type);
      if (history.length > 8) history.shift();
      return true;
    },
    probe: (event) => compare(event) !== undefined,
    counts: () => ({ accepted, refused }),
  };
}
