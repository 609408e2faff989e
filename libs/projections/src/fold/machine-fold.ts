import { createActor, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

/** One step of a machine: the next snapshot, or undefined when the machine refuses the event. */
export type MachineStep<M extends AnyStateMachine> = (
  state: SnapshotFrom<M>,
  event: EventFromLogic<M>,
) => SnapshotFrom<M> | undefined;

/**
 * A workflow's own machine, stepped with one inert actor scope made once. `workflow.evolve` goes
 * through xstate's `transition()`, which builds a throwaway actor (and the machine's initial state) on
 * every call: over a million events that is most of a rebuild. The machines only `assign`, so the scope
 * is never used to spawn or send, and sharing it changes the cost, not the result (see the spec).
 */
export function machineStep<M extends AnyStateMachine>(machine: M): MachineStep<M> {
  const logic: AnyStateMachine = machine;
  const self = createActor(logic);
  const noop = (): void => undefined;
  const scope: Parameters<AnyStateMachine['transition']>[2] = {
    self,
    id: '',
    sessionId: '',
    logger: noop,
    defer: noop,
    emit: noop,
    system: self.system,
    stopChild: noop,
    actionExecutor: noop,
  };
  return (state, event) => {
    const next = logic.transition(state, event, scope) as SnapshotFrom<M>;
    return next === state ? undefined : next;
  };
}
