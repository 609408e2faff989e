import type { ForecastCallLine } from './forecast-call.line';
import type { ForecastCallMade } from './forecast-call.events';

/** A call line: whose and which period, the call in force now and how many were made. */
export type ForecastCallContext = Readonly<{
  line: ForecastCallLine | null;
  /** The last call (it superseded the ones before). */
  current: ForecastCallMade['data'] | null;
  calls: number;
}>;

export const emptyForecastCallContext: ForecastCallContext = { line: null, current: null, calls: 0 };
