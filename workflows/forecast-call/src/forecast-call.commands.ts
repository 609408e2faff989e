import type { Command } from '@ltc/domain';
import type { ForecastCallScope } from './forecast-call.line';

/**
 * A call for a period. `personId` of an own call defaults to the sender; `team` of a team call is the
 * team's (the api fills in the sender's team when absent). The stream is the line's (`forecastCallLineId`).
 */
export type MakeForecastCall = Command<
  'MakeForecastCall',
  {
    scope: ForecastCallScope;
    personId?: string | null;
    team?: string | null;
    period: string;
    currency: string;
    commitMinor: number;
    bestCaseMinor: number;
    note?: string | null;
  }
>;

export type ForecastCallCommand = MakeForecastCall;
