import type { Random } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `YYYY-MM-DD` of an instant (UTC). */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of the day `ms` falls in. */
export const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

export const isWeekend = (ms: number): boolean => {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
};

/** The same instant `months` calendar months earlier (day of month clamped). */
export function monthsBefore(ms: number, months: number): number {
  const date = new Date(ms);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay));
}

/** The next working day at or after `ms`: weekends move to Monday, keeping the time of day. */
export function workingDayFrom(ms: number): number {
  let at = ms;
  while (isWeekend(at)) at += DAY;
  return at;
}

/**
 * An instant `days` (fractional allowed) after `from`, moved to office hours (08:00-18:00 UTC) on a
 * working day: what a journey waits for between two steps.
 */
export function officeTimeAfter(from: number, days: number, random: Random): number {
  const day = workingDayFrom(startOfDay(from + days * DAY));
  const at = day + 8 * HOUR + random.int(0, 10 * 60 - 1) * MINUTE;
  return Math.max(at, from + MINUTE);
}
