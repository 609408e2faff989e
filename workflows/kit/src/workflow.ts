import type { Command, Event } from '@ltc/domain';
import {
  getNextTransitions,
  initialTransition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import { describeGuard, guardEvaluator, type GuardArgs } from './guards';
import { inertScope } from './inert-scope';
import { replayerOf, stateValueOfName, type Replayer } from './replay';
import { CommandRefusedError, ReplayError, type Refusal } from './refusal';

/** What a decision may read besides the command: the time and actor of the command, and policy. */
export type DecisionContext<P> = Readonly<{
  /** ISO-8601 instant the command occurred at (from the engine's clock port). */
  at: string;
  /** The authenticated user id sending the command. */
  actor: string;
  /** Configuration in force (gate policy, thresholds); decisions copy what they used into events. */
  policy: P;
}>;

type CommandOf<C extends Command, T extends C['type']> = Extract<C, { type: T }>;

/** How one command becomes events: the event type it primarily produces and the builder. */
export type CommandSpec<C extends Command, S, E extends Event, P> = Readonly<{
  /** The event type this command produces first: used to list the commands a state allows. */
  produces: E['type'];
  build: (command: C, state: S, ctx: DecisionContext<P>) => E | readonly E[];
}>;

export type WorkflowDefinition<M extends AnyStateMachine, C extends Command, P> = Readonly<{
  /** Stream category and machine id, e.g. `opportunity`. */
  name: string;
  /** Bumped whenever the machine's behaviour changes; stored with every event. */
  version: number;
  machine: M;
  commands: { [T in C['type']]: CommandSpec<CommandOf<C, T>, SnapshotFrom<M>, EventFromLogic<M>, P> };
  /** Human text for each guard name, used in refusals. */
  refusalTexts: Readonly<Record<string, string>>;
}>;

export type Decision<M extends AnyStateMachine> = Readonly<{
  events: readonly EventFromLogic<M>[];
  state: SnapshotFrom<M>;
}>;

/** A machine that is also the decider: `decide`, `evolve`, and what a state allows. */
export type Workflow<M extends AnyStateMachine, C extends Command, P> = Readonly<{
  name: string;
  version: number;
  /** `<name>@<version>`, stored in event metadata. */
  machineRef: string;
  machine: M;
  definition: WorkflowDefinition<M, C, P>;
  initialState: () => SnapshotFrom<M>;
  evolve: (state: SnapshotFrom<M>, event: EventFromLogic<M>) => SnapshotFrom<M>;
  fold: (events: Iterable<EventFromLogic<M>>, from?: SnapshotFrom<M>) => SnapshotFrom<M>;
  decide: (command: C, state: SnapshotFrom<M>, ctx: DecisionContext<P>) => Decision<M>;
  allowedCommands: (state: SnapshotFrom<M>) => C['type'][];
  stateName: (state: SnapshotFrom<M>) => string;
  /** The snapshot at a state name (`open.negotiation`, as `stateName` gives it) with this context. */
  restore: (stateName: string, context: unknown) => SnapshotFrom<M>;
  /** How readers fold this workflow's streams (projections, as-of, audit); built on first use. */
  replayer: () => Replayer;
}>;

/** Flattens a state value to a dotted path: `{ gate: 'quoteReview' }` -> `gate.quoteReview`. */
export function stateValueToString(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateValueToString(child)}`))
    .join(',');
}

/** Builds the decider around a machine. The machine's event types are the domain event types. */
export function defineWorkflow<M extends AnyStateMachine, C extends Command, P>(
  definition: WorkflowDefinition<M, C, P>,
): Workflow<M, C, P> {
  const { machine, name } = definition;
  type S = SnapshotFrom<M>;
  type E = EventFromLogic<M>;
  const specs = definition.commands as unknown as Record<string, CommandSpec<C, S, E, P>>;
  // SnapshotFrom<M> is opaque while M is generic; every machine snapshot has this shape.
  const view = (state: S): AnyMachineSnapshot => state as AnyMachineSnapshot;
  const anyMachine: AnyStateMachine = machine;
  const typeOf = (event: E): string => (event as { type: string }).type;
  const initial = (): S => initialTransition(anyMachine)[0] as S;

  const stateName = (state: S): string => stateValueToString(view(state).value as StateValue);

  // Every transition of the active states and their ancestors, guards not evaluated (XState's public API).
  const handledEvents = (state: S): Set<string> =>
    new Set(getNextTransitions(view(state)).map((t): string => t.eventType as string));

  const allowedCommands = (state: S): C['type'][] => {
    const handled = handledEvents(state);
    return (Object.keys(specs) as C['type'][]).filter((type) => handled.has(specs[type]!.produces));
  };

  const evaluator = guardEvaluator(anyMachine);
  const refuse = (state: S, command: C, event: E): never => {
    const candidates = getNextTransitions(view(state)).filter((t) => t.eventType === typeOf(event));
    // Name the guard that actually failed (the first failing part of an `and`), else every guard there.
    const args: GuardArgs = { context: view(state).context as unknown, event };
    const failed = candidates
      .map((t) => (t.guard === undefined ? undefined : evaluator.failing(t.guard, args, view(state))))
      .filter((g): g is string => g !== undefined);
    const named = candidates.map((t) => describeGuard(t.guard)).filter((g): g is string => g !== undefined);
    const guards = failed.length > 0 ? failed : named;
    const rule = candidates.length === 0 ? 'transitionNotAllowed' : (guards[0] ?? 'transitionNotAllowed');
    const reason =
      candidates.length === 0
        ? `${typeOf(event)} cannot happen while the ${name} is ${stateName(state)}`
        : guards.map((g) => definition.refusalTexts[g] ?? g).join('; ');
    const refusal: Refusal = {
      workflow: name,
      command: command.type,
      state: stateName(state),
      rule,
      reason,
      allowed: allowedCommands(state),
    };
    throw new CommandRefusedError(refusal);
  };

  const scope = inertScope(anyMachine);
  const step = (state: S, event: E): S | undefined => {
    const next = anyMachine.transition(view(state), event, scope);
    if (next !== state) return next as S;
    // XState returns the same snapshot for an accepted transition that changes nothing, too.
    return view(state).can(event) ? state : undefined;
  };

  const evolve = (state: S, event: E): S => {
    const next = step(state, event);
    if (next === undefined) throw new ReplayError(name, typeOf(event), stateName(state));
    return next;
  };

  let replayer: Replayer | undefined;
  const workflow: Workflow<M, C, P> = {
    name,
    version: definition.version,
    machineRef: `${name}@${definition.version}`,
    machine,
    definition,
    initialState: initial,
    evolve,
    fold: (events, from) => {
      let state = from ?? initial();
      for (const event of events) state = evolve(state, event);
      return state;
    },
    decide: (command, state, ctx) => {
      const spec = specs[command.type];
      if (spec === undefined) {
        throw new CommandRefusedError({
          workflow: name,
          command: command.type,
          state: stateName(state),
          rule: 'unknownCommand',
          reason: `${name} has no command ${command.type}`,
          allowed: allowedCommands(state),
        });
      }
      const built = spec.build(command, state, ctx);
      const events = (Array.isArray(built) ? built : [built]) as readonly E[];
      let current = state;
      for (const event of events) {
        current = step(current, event) ?? refuse(current, command, event);
      }
      return { events, state: current };
    },
    allowedCommands,
    stateName,
    restore: (stateName, context) =>
      anyMachine.resolveState({ value: stateValueOfName(stateName), context }) as S,
    replayer: () => (replayer ??= replayerOf(workflow)),
  };
  return workflow;
}
