import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import { fastStepper, type FastState } from './fast-stepper';
import { nodePath, stateNodes } from './machine-walk';
import { ReplayError } from './refusal';

/** A stream's machine state as a replay carries it: its context, and whether the machine finished. */
export type ReplayState = Readonly<{ context: unknown; status: string }>;

/** A replay state as plain data (its state name and context), to keep outside the process (snapshots). */
export type SavedState = Readonly<{ state: string; context: unknown }>;

/**
 * How readers (projections, as-of replays, audit) fold a stream: the machine's own transition logic,
 * with a refusal as `undefined` instead of an error. The only stepping outside `decide`/`evolve`.
 */
export type Replayer = Readonly<{
  /** True when the machine is stepped by `fastStepper` (states, guards and `assign` only). */
  fast: boolean;
  initial: () => ReplayState;
  /** The state after the event, or undefined when the machine refuses it. */
  step: (state: ReplayState, event: Readonly<{ type: string }>) => ReplayState | undefined;
  stateName: (state: ReplayState) => string;
  /** Leaf state names in the order the machine defines them (the funnel's stage order). */
  stages: readonly string[];
  /** The state as plain data: `load(save(s))` steps exactly as `s` does (JSON keeps it whole). */
  save: (state: ReplayState) => SavedState;
  load: (saved: SavedState) => ReplayState;
}>;

type Replayable = Readonly<{
  machine: AnyStateMachine;
  initialState: () => unknown;
  evolve: (state: never, event: never) => unknown;
  stateName: (state: never) => string;
  restore: (stateName: string, context: unknown) => unknown;
}>;

/**
 * The fast stepper when the machine allows it (the same state logic without XState's per-event
 * snapshot work: most of a rebuild over a million events), else the workflow's `evolve`.
 */
export function replayerOf(workflow: Replayable): Replayer {
  const stages = leafStates(workflow.machine);
  const stepper = fastStepper(workflow.machine);
  if (stepper !== undefined) {
    // Computed once: a replay state is never mutated, and XState's initial transition is costly.
    const initial = stepper.fromSnapshot(workflow.initialState() as AnyMachineSnapshot);
    return {
      fast: true,
      initial: () => initial,
      step: (state, event) => stepper.step(state as FastState, event),
      stateName: (state) => stepper.stateName(state as FastState),
      stages,
      save: (state) => ({ state: stepper.stateName(state as FastState), context: state.context }),
      load: (saved) => stepper.fromSnapshot({ value: stateValueOfName(saved.state), context: saved.context }),
    };
  }
  const evolve = workflow.evolve as (state: ReplayState, event: Readonly<{ type: string }>) => ReplayState;
  return {
    fast: false,
    initial: () => workflow.initialState() as ReplayState,
    step: (state, event) => {
      try {
        return evolve(state, event);
      } catch (error) {
        if (error instanceof ReplayError) return undefined;
        throw error;
      }
    },
    stateName: workflow.stateName as (state: ReplayState) => string,
    stages,
    save: (state) => ({
      state: (workflow.stateName as (s: ReplayState) => string)(state),
      context: state.context,
    }),
    load: (saved) => workflow.restore(saved.state, saved.context) as ReplayState,
  };
}

/** A state name as `stateName` gives it (`open.negotiation`) as XState's state value (`{ open: 'negotiation' }`). */
export function stateValueOfName(name: string): StateValue {
  return (
    name
      .split('.')
      .reduceRight<StateValue | undefined>(
        (child, key) => (child === undefined ? key : { [key]: child }),
        undefined,
      ) ?? name
  );
}

/** Leaf states, depth first in definition order, named like `stateName` names them (`open.negotiation`). */
export function leafStates(machine: AnyStateMachine): string[] {
  return stateNodes(machine)
    .filter((node) => Object.keys(node.states).length === 0)
    .map(nodePath)
    .filter((name) => name !== 'none');
}
