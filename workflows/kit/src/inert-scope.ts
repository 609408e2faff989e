import { createActor, type AnyStateMachine } from 'xstate';

type Scope = Parameters<AnyStateMachine['transition']>[2];

/**
 * One reusable, effect-free actor scope for a machine. XState's pure `transition()` builds a new actor
 * (and computes the initial snapshot) on every call; machines that only `assign` need none of that, so
 * folding reuses this scope with `machine.transition(snapshot, event, scope)`: same result, several
 * times faster. The actor is never started, and actions other than `assign` are dropped, as in
 * `transition()`.
 */
export function inertScope(machine: AnyStateMachine): Scope {
  const self = createActor(machine);
  return {
    self,
    id: '',
    sessionId: '',
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    system: self.system,
    stopChild: () => undefined,
    actionExecutor: () => undefined,
  };
}
