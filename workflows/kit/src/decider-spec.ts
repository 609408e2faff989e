import type { Command } from '@ltc/domain';
import type { AnyStateMachine, EventFromLogic } from 'xstate';
import { canonicalJson } from './canonical-json';
import { CommandRefusedError, InvalidCommandError, type Refusal } from './refusal';
import type { Decision, DecisionContext, Workflow } from './workflow';

/** The outcome half of a given/when/then spec; each method throws a readable error when it does not hold. */
export type DeciderThen<M extends AnyStateMachine> = Readonly<{
  /** The command is accepted and produces exactly these events (compared as data). */
  then: (expected: readonly EventFromLogic<M>[]) => Decision<M>;
  /** The machine refuses the command with this rule (a guard name or `transitionNotAllowed`). */
  thenRefuses: (rule: string) => Refusal;
  /** `build` rejects the command data at this field, whatever the state. */
  thenInvalid: (field: string) => InvalidCommandError;
}>;

export type DeciderWhen<M extends AnyStateMachine, C extends Command, P> = Readonly<{
  /** Decides `command`; `ctx` overrides parts of the spec's default context (time, actor, policy). */
  when: (command: C, ctx?: Partial<DecisionContext<P>>) => DeciderThen<M>;
}>;

/** `given(events)`: the stream so far, folded from the initial state. */
export type DeciderGiven<M extends AnyStateMachine, C extends Command, P> = (
  events: readonly EventFromLogic<M>[],
) => DeciderWhen<M, C, P>;

/** Thrown when a given/when/then expectation does not hold. */
export class SpecFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecFailedError';
  }
}

type Outcome<M extends AnyStateMachine> =
  | { kind: 'decided'; decision: Decision<M> }
  | { kind: 'refused'; error: CommandRefusedError }
  | { kind: 'invalid'; error: InvalidCommandError };

function describeOutcome<M extends AnyStateMachine>(outcome: Outcome<M>): string {
  switch (outcome.kind) {
    case 'decided':
      return `accepted with events:\n${canonicalJson(outcome.decision.events)}`;
    case 'refused':
      return `refused: ${canonicalJson(outcome.error.refusal)}`;
    case 'invalid':
      return `invalid: ${outcome.error.message}`;
    default: {
      const never: never = outcome;
      return String(never);
    }
  }
}

/**
 * Given/when/then for a workflow, in the style of Emmett's DeciderSpecification:
 * `const given = deciderSpec(workflow, ctx); given([...events]).when(command).then([...events])`.
 * Framework-free: a failed expectation throws `SpecFailedError`, so it works in any test runner.
 */
export function deciderSpec<M extends AnyStateMachine, C extends Command, P>(
  workflow: Workflow<M, C, P>,
  defaults: DecisionContext<P>,
): DeciderGiven<M, C, P> {
  return (events) => ({
    when: (command, ctx) => {
      const state = workflow.fold(events);
      const context: DecisionContext<P> = { ...defaults, ...ctx };
      const run = (): Outcome<M> => {
        try {
          return { kind: 'decided', decision: workflow.decide(command, state, context) };
        } catch (error) {
          if (error instanceof CommandRefusedError) return { kind: 'refused', error };
          if (error instanceof InvalidCommandError) return { kind: 'invalid', error };
          throw error;
        }
      };
      const label = `${command.type} in state "${workflow.stateName(state)}"`;
      return {
        then: (expected) => {
          const outcome = run();
          if (outcome.kind !== 'decided') {
            throw new SpecFailedError(`${label}: expected events, but ${describeOutcome(outcome)}`);
          }
          const want = canonicalJson(expected);
          const got = canonicalJson(outcome.decision.events);
          if (want !== got) {
            throw new SpecFailedError(`${label}: expected events:\n${want}\nbut got:\n${got}`);
          }
          return outcome.decision;
        },
        thenRefuses: (rule) => {
          const outcome = run();
          if (outcome.kind !== 'refused' || outcome.error.refusal.rule !== rule) {
            throw new SpecFailedError(
              `${label}: expected refusal by rule "${rule}", but ${describeOutcome(outcome)}`,
            );
          }
          return outcome.error.refusal;
        },
        thenInvalid: (field) => {
          const outcome = run();
          if (outcome.kind !== 'invalid' || outcome.error.field !== field) {
            throw new SpecFailedError(
              `${label}: expected invalid "${field}", but ${describeOutcome(outcome)}`,
            );
          }
          return outcome.error;
        },
      };
    },
  });
}
