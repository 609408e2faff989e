import { DomainError } from '@ltc/domain';

/** Why the machine would not take a command: enough for a user to know what to do instead. */
export type Refusal = Readonly<{
  workflow: string;
  command: string;
  /** The state the deal is in, e.g. `negotiation` or `gate.quoteReview`. */
  state: string;
  /** The rule (guard name, or `transitionNotAllowed`) that refused it. */
  rule: string;
  reason: string;
  /** Commands the current state accepts. */
  allowed: readonly string[];
}>;

/** A command the machine refused: a business outcome, never a crash (HTTP 409). */
export class CommandRefusedError extends DomainError {
  readonly code = 'COMMAND_REFUSED';
  constructor(readonly refusal: Refusal) {
    super(`${refusal.workflow}: ${refusal.command} refused in state "${refusal.state}": ${refusal.reason}`);
  }
}

/** A command whose data breaks a rule of its own, independent of state (HTTP 400). */
export class InvalidCommandError extends DomainError {
  readonly code = 'INVALID_COMMAND';
  constructor(
    readonly command: string,
    readonly field: string,
    reason: string,
  ) {
    super(`${command}.${field} ${reason}`);
  }
}

/** A stored event that the machine does not accept: the history and the machine disagree. */
export class ReplayError extends DomainError {
  readonly code = 'REPLAY_FAILED';
  constructor(
    readonly workflow: string,
    readonly eventType: string,
    readonly state: string,
  ) {
    super(`${workflow}: stored event ${eventType} is not accepted in state "${state}"`);
  }
}
