import type { Command } from '@ltc/domain';
import {
  getStateNodes,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  type EventFromLogic,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import { SpecFailedError } from './decider-spec';
import { describeTransition, machineTransitions, nodePath, stateNodes } from './machine-walk';
import { compareReplayWithXState } from './replay-equivalence';
import type { Workflow } from './workflow';

/**
 * What a machine should do, as a table. Labels of `reach` start with the state name they reach
 * (`disqualified`, `disqualified (unassigned)`); labels of `samples` start with the event type
 * (`LeadReopened`, `LeadReopened (blank reason)`).
 */
export type CoverageTable<M extends AnyStateMachine> = Readonly<{
  /** For each state to visit, the events that lead there from the initial state. */
  reach: Readonly<Record<string, readonly EventFromLogic<M>[]>>;
  /** Example events, sent in every reached state; at least one per event type the machine handles. */
  samples: Readonly<Record<string, EventFromLogic<M>>>;
  /** For each `reach` label, the `samples` labels it accepts; every other sample must be refused. */
  accepts: Readonly<Record<string, readonly string[]>>;
}>;

/** One cell of the table: a sample sent in a reached state. */
export type CoverageCase = Readonly<{ state: string; event: string; expected: 'accepted' | 'refused' }>;

export type TransitionCoverage = Readonly<{
  /** Every reached state crossed with every sample, for `it.each`. */
  cases: readonly CoverageCase[];
  /** Throws `SpecFailedError` when the machine does not do what the case expects. */
  check: (c: CoverageCase) => void;
  /** Mistakes in the table itself: unreachable labels, states never visited, event types never sampled. */
  tableProblems: () => string[];
  /** Transitions of the definition that neither a `reach` path nor an accepted case takes. */
  uncovered: () => string[];
}>;

const labelled = (label: string, name: string): boolean => label === name || label.startsWith(`${name} `);

/**
 * Table-driven transition coverage: sends every sample event in every reached state, asserts it is
 * accepted or refused as the table says (and that the kit's fast replay agrees with XState on the way),
 * and lists the transitions of the definition never exercised.
 */
export function transitionCoverage<M extends AnyStateMachine, C extends Command, P>(
  workflow: Workflow<M, C, P>,
  table: CoverageTable<M>,
): TransitionCoverage {
  type S = SnapshotFrom<M>;
  type E = EventFromLogic<M>;
  const machine: AnyStateMachine = workflow.machine;
  const typeOf = (event: E): string => (event as { type: string }).type;
  const view = (state: S): AnyMachineSnapshot => state as AnyMachineSnapshot;

  const exercised = new Set<AnyTransitionDefinition>();
  // Like the kit's decide: accepted means the snapshot changed; remember which transitions fired.
  const step = (state: S, event: E): S | undefined => {
    const taken = machine.getTransitionData(view(state), event) as AnyTransitionDefinition[];
    const [next] = transition(machine, view(state), event);
    if (next === view(state)) return undefined;
    for (const t of taken) exercised.add(t);
    return next as S;
  };
  const reach = (label: string): S => {
    let state = workflow.initialState();
    for (const event of table.reach[label] ?? []) {
      const next = step(state, event);
      if (next === undefined) {
        throw new SpecFailedError(
          `reach "${label}": ${typeOf(event)} refused in "${workflow.stateName(state)}"`,
        );
      }
      state = next;
    }
    return state;
  };

  const cases: CoverageCase[] = Object.keys(table.reach).flatMap((state) =>
    Object.keys(table.samples).map((event): CoverageCase => ({
      state,
      event,
      expected: (table.accepts[state] ?? []).includes(event) ? 'accepted' : 'refused',
    })),
  );

  const check = (c: CoverageCase): void => {
    const sample = table.samples[c.event];
    if (sample === undefined) throw new SpecFailedError(`no sample "${c.event}"`);
    const state = reach(c.state);
    const actual = step(state, sample) === undefined ? 'refused' : 'accepted';
    // The same path through the kit's fast replay must match XState event for event.
    const replay = compareReplayWithXState(workflow);
    for (const event of table.reach[c.state] ?? []) replay.send(event);
    replay.probe(sample);
    if (actual !== c.expected) {
      throw new SpecFailedError(
        `in "${c.state}" (${workflow.stateName(state)}), ${c.event} should be ${c.expected} but was ${actual}`,
      );
    }
  };

  const tableProblems = (): string[] => {
    const problems: string[] = [];
    const visited = new Set<string>();
    for (const label of Object.keys(table.reach)) {
      try {
        const state = reach(label);
        const name = workflow.stateName(state);
        if (!labelled(label, name)) problems.push(`reach "${label}" ends in "${name}"`);
        for (const node of getStateNodes(machine.root, view(state).value as StateValue))
          visited.add(nodePath(node));
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    for (const node of stateNodes(machine)) {
      if (!visited.has(nodePath(node))) problems.push(`state "${nodePath(node)}" is never reached`);
    }
    for (const label of Object.keys(table.accepts)) {
      if (!(label in table.reach)) problems.push(`accepts "${label}" has no reach path`);
      for (const event of table.accepts[label] ?? []) {
        if (!(event in table.samples)) problems.push(`accepts "${label}" names unknown sample "${event}"`);
      }
    }
    for (const label of Object.keys(table.reach)) {
      if (!(label in table.accepts)) problems.push(`reach "${label}" has no accepts row`);
    }
    for (const [label, event] of Object.entries(table.samples)) {
      if (!labelled(label, typeOf(event))) problems.push(`sample "${label}" is a ${typeOf(event)}`);
    }
    const sampled = new Set(Object.values(table.samples).map(typeOf));
    for (const t of machineTransitions(machine)) {
      if (!sampled.has(t.event)) problems.push(`event type ${t.event} has no sample`);
    }
    return [...new Set(problems)];
  };

  const uncovered = (): string[] => {
    exercised.clear();
    for (const c of cases) {
      try {
        check(c);
      } catch {
        // A failing case is reported by its own test; coverage only counts what fired.
      }
    }
    for (const label of Object.keys(table.reach)) {
      try {
        reach(label);
      } catch {
        // reported by tableProblems
      }
    }
    return machineTransitions(machine)
      .filter((t) => !exercised.has(t.definition))
      .map(describeTransition);
  };

  return { cases, check, tableProblems, uncovered };
}
