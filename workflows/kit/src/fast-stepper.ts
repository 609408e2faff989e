import type { AnyStateMachine } from 'xstate';
import { guardEvaluator, type GuardArgs } from './guards';

/** What a fast-stepped stream is: the active leaf state, the context, and whether the machine finished. */
export type FastState = Readonly<{ node: StateNodeView; context: unknown; status: 'active' | 'done' }>;

/** The parts of XState's StateNode and TransitionDefinition the stepper reads. */
type StateNodeView = Readonly<{
  path: readonly string[];
  type: string;
  parent?: StateNodeView;
  states: Readonly<Record<string, StateNodeView>>;
  transitions: ReadonlyMap<string, readonly TransitionView[]>;
  initial?: Readonly<{ target: readonly StateNodeView[] }>;
  entry: readonly unknown[];
  exit: readonly unknown[];
  always?: readonly unknown[];
  invoke?: readonly unknown[];
  config: Readonly<{ after?: unknown }>;
}>;
type TransitionView = Readonly<{
  target?: readonly StateNodeView[];
  guard?: unknown;
  actions: readonly unknown[];
}>;

type Assignment = ((args: AssignArgs, params: unknown) => object) | Readonly<Record<string, unknown>>;
type AssignArgs = Readonly<{
  context: unknown;
  event: unknown;
  spawn: undefined;
  self: undefined;
  system: undefined;
}>;
type Implementations = Readonly<{ guards: Record<string, unknown>; actions: Record<string, unknown> }>;

export type FastStepper = Readonly<{
  fromSnapshot: (snapshot: { value: unknown; context: unknown }) => FastState;
  /** The next state, or undefined when the machine refuses the event. */
  step: (state: FastState, event: Readonly<{ type: string }>) => FastState | undefined;
  stateName: (state: FastState) => string;
}>;

/**
 * Steps a machine through events by its own definition: the transitions of the active state and its
 * ancestors (innermost first), their guards, and their `assign` actions, exactly as XState selects and
 * applies them (`compareReplayWithXState` proves it equals XState's `transition()`: in `replay.spec.ts`,
 * in every workflow's transition coverage, and over generated histories in the projections). XState's
 * `transition()` also builds a full snapshot, the state configuration and the eventless-transition pass
 * on every event; over a million events that is most of a rebuild. Only machines made of states,
 * transitions guarded by context and event, and `assign` are stepped this way (checked once, here): for anything else this
 * returns undefined and the caller keeps `workflow.evolve`.
 */
export function fastStepper(machine: AnyStateMachine): FastStepper | undefined {
  const root = machine.root as unknown as StateNodeView;
  const implementations = machine.implementations as unknown as Implementations;
  const guards = guardEvaluator(machine);
  if (!supported(root, implementations, guards.contextOnly)) return undefined;
  const names = new Map<StateNodeView, string>();
  const nameOf = (node: StateNodeView): string => {
    let name = names.get(node);
    if (name === undefined) {
      name = node.path.join('.');
      names.set(node, name);
    }
    return name;
  };
  const { passes } = guards;
  const apply = (actions: readonly unknown[], context: unknown, event: unknown): unknown => {
    let current = context;
    for (const action of actions) {
      const { assignment, params } = assignmentOf(action, implementations, { context: current, event });
      const args: AssignArgs = {
        context: current,
        event,
        spawn: undefined,
        self: undefined,
        system: undefined,
      };
      let patch: Record<string, unknown>;
      if (typeof assignment === 'function') patch = assignment(args, params) as Record<string, unknown>;
      else {
        patch = {};
        for (const [key, value] of Object.entries(assignment)) {
          patch[key] =
            typeof value === 'function'
              ? (value as (a: AssignArgs, p: unknown) => unknown)(args, params)
              : value;
        }
      }
      current = Object.assign({}, current, patch);
    }
    return current;
  };
  const enter = (node: StateNodeView): StateNodeView => {
    let leaf = node;
    while (leaf.type === 'compound') leaf = leaf.initial?.target[0] ?? leaf;
    return leaf;
  };
  return {
    fromSnapshot: (snapshot) => {
      let node = root;
      for (const key of statePath(snapshot.value)) node = node.states[key] ?? node;
      return { node, context: snapshot.context, status: done(node, root) ? 'done' : 'active' };
    },
    step: (state, event) => {
      if (state.status === 'done') return undefined;
      const args: GuardArgs = { context: state.context, event };
      for (let node: StateNodeView | undefined = state.node; node !== undefined; node = node.parent) {
        for (const transition of node.transitions.get(event.type) ?? []) {
          if (transition.guard !== undefined && !passes(transition.guard, args)) continue;
          const target = transition.target?.[0];
          // A transition with neither target nor actions forbids the event (XState's `can` is false).
          if (target === undefined && transition.actions.length === 0) return undefined;
          const leaf = target === undefined ? state.node : enter(target);
          return {
            node: leaf,
            context: apply(transition.actions, state.context, event),
            status: done(leaf, root) ? 'done' : 'active',
          };
        }
      }
      return undefined;
    },
    stateName: (state) => nameOf(state.node),
  };
}

function paramsOf(params: unknown, args: GuardArgs): unknown {
  return typeof params === 'function' ? (params as (a: GuardArgs) => unknown)(args) : params;
}

function assignmentOf(
  action: unknown,
  implementations: Implementations,
  args: GuardArgs,
): { assignment: Assignment; params: unknown } {
  const named =
    typeof action === 'string'
      ? action
      : typeof action === 'object'
        ? (action as { type: string }).type
        : undefined;
  const resolved = (named === undefined ? action : implementations.actions[named]) as
    { assignment?: Assignment } | undefined;
  if (resolved?.assignment === undefined) throw new Error(`action ${String(named)} is not an assign`);
  const params =
    typeof action === 'object' ? paramsOf((action as { params?: unknown }).params, args) : undefined;
  return { assignment: resolved.assignment, params };
}

function statePath(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  const [first] = entries;
  return entries.length === 1 && first !== undefined ? [first[0], ...statePath(first[1])] : [];
}

const done = (node: StateNodeView, root: StateNodeView): boolean =>
  node.type === 'final' && node.parent === root;

/** States, guarded transitions (exact event names) and assign actions; top-level final states only. */
function supported(
  root: StateNodeView,
  implementations: Implementations,
  contextOnly: (guard: unknown) => boolean,
): boolean {
  const nodes: StateNodeView[] = [];
  const walk = (node: StateNodeView) => {
    nodes.push(node);
    Object.values(node.states).forEach(walk);
  };
  walk(root);
  return nodes.every((node) => {
    if (!['atomic', 'compound', 'final'].includes(node.type)) return false;
    if (node.type === 'final' && node.parent !== root) return false;
    if (node.entry.length > 0 || node.exit.length > 0 || (node.always?.length ?? 0) > 0) return false;
    if ((node.invoke?.length ?? 0) > 0 || node.config.after !== undefined) return false;
    for (const [descriptor, transitions] of node.transitions) {
      if (descriptor.includes('*')) return false;
      for (const t of transitions) {
        if (t.guard !== undefined && !contextOnly(t.guard)) return false;
        for (const action of t.actions) {
          const named =
            typeof action === 'string'
              ? action
              : typeof action === 'object'
                ? (action as { type?: string }).type
                : undefined;
          const resolved = (named === undefined ? action : implementations.actions[named]) as
            { assignment?: unknown } | undefined;
          if (resolved?.assignment === undefined) return false;
        }
      }
    }
    return true;
  });
}
