/** Base of every error the domain raises on purpose; `code` is stable and mapped to HTTP in one place. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value that breaks its own rules (a fractional amount, a bad currency code). */
export class InvalidValueError extends DomainError {
  readonly code = 'INVALID_VALUE';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}
