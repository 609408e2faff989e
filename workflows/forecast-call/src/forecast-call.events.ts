import type { Event } from '@ltc/domain';
import type { ForecastCallLine } from './forecast-call.line';

// Stream `forecast-call-<line>` (forecastCallStream of @ltc/domain, `forecastCallLineId`): one stream per
// rep and period (`own.ann.2026-Q4`) or team and period (`team.east.2026-Q4`); every call stays on it.

/**
 * A call for a period: commit and best case in integer minor units of `currency`. It supersedes the
 * line's previous call; `by` is who made it (the rep, the team's manager, or sales operations for them).
 */
export type ForecastCallMade = Event<
  'ForecastCallMade',
  ForecastCallLine & {
    currency: string;
    commitMinor: number;
    bestCaseMinor: number;
    note: string;
    by: string;
  }
>;

export type ForecastCallEvent = ForecastCallMade;

export const FORECAST_CALL_EVENT_TYPES = [
  'ForecastCallMade',
] as const satisfies readonly ForecastCallEvent['type'][];
