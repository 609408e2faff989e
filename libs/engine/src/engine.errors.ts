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

/** The HTTP-facing code of each business-time rule (400 bad time, 409 against the stream, 403 who may not). */
export const BUSINESS_TIME_CODES = {
  'occurredAt.notInFuture': 'OCCURRED_AT_IN_FUTURE',
  'occurredAt.factDate': 'OCCURRED_AT_DISAGREES',
  'occurredAt.notBeforeStream': 'OCCURRED_AT_BEFORE_STREAM',
  'occurredAt.backdateWindow': 'OCCURRED_AT_BEYOND_WINDOW',
} as const;

export type BusinessTimeRule = keyof typeof BUSINESS_TIME_CODES;

/** A command's business time breaks a late-entry rule; `rule` names it and nothing was appended. */
export class BusinessTimeRefusedError extends DomainError {
  readonly code: (typeof BUSINESS_TIME_CODES)[BusinessTimeRule];
  constructor(
    readonly rule: BusinessTimeRule,
    reason: string,
  ) {
    super(reason);
    this.code = BUSINESS_TIME_CODES[rule];
  }
}
