import { isMoney, type Money } from '@ltc/domain';
import { InvalidCommandError } from './refusal';

// Command data arrives from the outside world and may not match its type: each check looks at the
// runtime value and turns a bad field into an InvalidCommandError (HTTP 400), never a crash.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The longest text each kind of command field takes, in characters. The domain's checks hold them, so
 * HTTP, the CLI and the process managers refuse alike; the api's DTOs take theirs from here.
 */
export const LIMITS = {
  /** Free prose: a reason, a note, a need, a resolution. */
  prose: 2000,
  /** One line: a title, a subject, an opportunity's or milestone's name, an authority or budget answer. */
  line: 500,
  /** A customer's registered name. */
  customerName: 300,
  /** A person's name or role, a reference (quote, PO, invoice, acceptance, payment), a competitor. */
  label: 200,
  /** A phone number. */
  phone: 50,
} as const;

/**
 * Refuses a string longer than `max` characters (code points, as the HTTP validator counts), as given,
 * before trimming; any other value is left to the field's other checks.
 */
export function limitText(command: string, field: string, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    throw new InvalidCommandError(command, field, `must be at most ${max} characters`);
  }
}

/** Ids in commands: letters, digits, dot, dash, underscore, at most 128; the api's paths and bodies use it. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** An id as {@link ID_PATTERN} allows, trimmed (what is stored is always a valid id). */
export function requireId(command: string, field: string, value: unknown): string {
  const id = typeof value === 'string' ? value.trim() : undefined;
  if (id === undefined || !ID_PATTERN.test(id)) {
    throw new InvalidCommandError(command, field, `must be an id matching ${ID_PATTERN.source}`);
  }
  return id;
}

/** A non-blank string, trimmed; at most `max` characters when given. */
export function requireText(command: string, field: string, value: unknown, max?: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidCommandError(command, field, 'must be a non-empty text');
  }
  if (max !== undefined) limitText(command, field, value, max);
  return value.trim();
}

/** A string, trimmed; absent means empty; at most `max` characters when given. */
export function optionalText(command: string, field: string, value: unknown, max?: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InvalidCommandError(command, field, 'must be text');
  if (max !== undefined) limitText(command, field, value, max);
  return value.trim();
}

/** Money in integer minor units; `sign` says whether zero or negative amounts are allowed. */
export function requireMoney(
  command: string,
  field: string,
  value: unknown,
  sign: 'positive' | 'nonNegative' | 'any' = 'positive',
): Money {
  if (!isMoney(value)) {
    throw new InvalidCommandError(
      command,
      field,
      'must be { amountMinor: integer, currency: ISO-4217 code }',
    );
  }
  if (sign === 'positive' && value.amountMinor <= 0)
    throw new InvalidCommandError(command, field, 'must be positive');
  if (sign === 'nonNegative' && value.amountMinor < 0) {
    throw new InvalidCommandError(command, field, 'must not be negative');
  }
  return { amountMinor: value.amountMinor, currency: value.currency };
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function requireCalendarDate(command: string, field: string, value: unknown): string {
  const valid =
    typeof value === 'string' &&
    DATE.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw new InvalidCommandError(command, field, 'must be a date YYYY-MM-DD');
  return value;
}

/** An ISO-8601 instant with a zone, e.g. `2026-03-01T09:00:00.000Z`. */
export function requireInstant(command: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidCommandError(command, field, 'must be an ISO-8601 instant with a zone');
  }
  return value;
}

/** An integer within `[min, max]`. */
export function requireInteger(
  command: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidCommandError(command, field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function requireBoolean(command: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidCommandError(command, field, 'must be true or false');
  return value;
}

/** One of the allowed literal values. */
export function requireOneOf<T extends string>(
  command: string,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const found = allowed.find((option) => option === value);
  if (found === undefined)
    throw new InvalidCommandError(command, field, `must be one of ${allowed.join(', ')}`);
  return found;
}
