import type { ForecastHorizon } from './types';

/** A horizon that is not a month (`2026-11`) or a quarter (`2026-Q4`); `field` names the query field. */
export class HorizonError extends Error {
  readonly code = 'horizonNotAPeriod';
  constructor(
    readonly field: string,
    value: string,
  ) {
    super(`${field} must be a month (2026-11) or a quarter (2026-Q4), got '${value}'`);
  }
}

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

const monthStart = (year: number, month0: number): string =>
  new Date(Date.UTC(year, month0, 1)).toISOString();

/** The business interval `[from, to)` of a month or quarter id. */
export function horizonOf(period: string, field = 'horizon'): ForecastHorizon {
  const match = PERIOD.exec(period);
  if (match === null) throw new HorizonError(field, period);
  const year = Number(match[1]);
  const first = match[2] !== undefined ? Number(match[2]) - 1 : (Number(match[3]) - 1) * 3;
  const months = match[2] !== undefined ? 1 : 3;
  return { period, from: monthStart(year, first), to: monthStart(year, first + months) };
}

/** The month or quarter holding `instant`. */
export function periodAt(instant: string, unit: 'month' | 'quarter'): string {
  const year = instant.slice(0, 4);
  const month = Number(instant.slice(5, 7));
  return unit === 'month' ? instant.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
}

/** Half away from zero, to a whole minor unit (`Math.round` rounds -2.5 to -2). */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
