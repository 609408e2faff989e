import { DomainError } from '@ltc/domain';

/** The actor may not send this command to this deal (HTTP 403); `rule` names the rule that refused. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    readonly rule: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** A command id was sent again with different content (HTTP 409): the first result stands. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(
    readonly commandId: string,
    readonly stream: string,
  ) {
    super(`command id ${commandId} was already used on ${stream} for a different command`);
  }
}

/** The stream kept moving under us; the command was not applied (HTTP 409, safe to retry). */
export class RetriesExhaustedError extends DomainError {
  readonly code = 'CONCURRENCY';
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`stream "${stream}" changed during each of ${attempts} attempts; the command was not applied`);
  }
}
