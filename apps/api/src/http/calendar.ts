import { ValidateBy, type ValidationOptions } from 'class-validator';

const MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `2026-03-31` or `2026-03-31T18:00:00Z` (an offset instead of `Z` too) naming a day that exists and a
 * time of day within it: `2026-02-30`, `2026-13-45` and `T25:00` are refused, where `Date.parse` would
 * roll them over or fail later.
 */
export function isCalendarMoment(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = MOMENT.exec(value);
  if (m === null) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  return (
    year !== undefined &&
    month !== undefined &&
    day !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHour < 24 &&
    offsetMinute < 60
  );
}

/** A query or body field holding a calendar day or instant (see `isCalendarMoment`). */
export function IsCalendarMoment(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarMoment',
      validator: {
        validate: isCalendarMoment,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an existing ISO-8601 date or instant`,
      },
    },
    options,
  );
}
