import type { Backtest, ForecastMethod, MethodForecast } from '../api/types';
import { minorDigits, minorToDecimal } from '../format/money';

/** The quarter (`2026-Q4`) an instant falls in, in UTC as the api counts periods. */
export function quarterOf(instant: Date): string {
  return `${instant.getUTCFullYear()}-Q${Math.floor(instant.getUTCMonth() / 3) + 1}`;
}

/** `2026-Q4` -> `2027-Q1`. */
export function nextQuarter(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (match === null) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

export const METHOD_LABEL: Readonly<Record<ForecastMethod, string>> = {
  'stage-weighted': 'Stage-weighted',
  'category-weighted': 'Category-weighted',
  historical: 'Historical',
  'monte-carlo': 'Monte Carlo',
};

/** Minor units as a chart coordinate in major units (display only; the tables show the exact amounts). */
export const chartValue = (amountMinor: number, currency: string): number =>
  Number(minorToDecimal(amountMinor, minorDigits(currency)));

/** The Monte Carlo quantiles of one horizon's answer, or null when that method was not asked for. */
export function quantilesOf(
  methods: readonly MethodForecast[],
): Readonly<{ p10Minor: number; p50Minor: number; p90Minor: number }> | null {
  const mc = methods.find((m) => m.method === 'monte-carlo');
  return mc?.method === 'monte-carlo' ? mc : null;
}

export type FanPoint = Readonly<{
  period: string;
  /** [P10, P90] in major units: the band of the fan. */
  band: readonly [number, number] | null;
  p50: number | null;
}> &
  Readonly<Partial<Record<ForecastMethod, number>>>;

/** One chart point per horizon: the P10–P90 band, the P50 and every method's expected amount. */
export function fanPoints(
  horizons: readonly Readonly<{ period: string; currency: string; methods: readonly MethodForecast[] }>[],
): FanPoint[] {
  return horizons.map(({ period, currency, methods }) => {
    const q = quantilesOf(methods);
    const value = (minor: number) => chartValue(minor, currency);
    return {
      period,
      band: q === null ? null : [value(q.p10Minor), value(q.p90Minor)],
      p50: q === null ? null : value(q.p50Minor),
      ...Object.fromEntries(methods.map((m) => [m.method, value(m.expectedMinor)])),
    };
  });
}

/**
 * Each settled backtest week's signed error per method, (forecast − won) / won, for a chart over time: a
 * week whose quarter has not ended yet is not scored (its won amount is still growing), and a week where
 * nothing was won has no percentage error and is left a gap (the api's accuracy skips both the same way).
 */
export function errorsOverTime(backtest: Backtest): {
  sources: ForecastMethod[];
  points: Record<string, string | number | null>[];
} {
  const sources = [...new Set(backtest.rows.flatMap((r) => r.forecasts.map((f) => f.method)))];
  const points = backtest.rows
    .filter((row) => row.settled)
    .map((row) => ({
      week: row.at.slice(0, 10),
      ...Object.fromEntries(
        sources.map((s) => {
          const f = row.forecasts.find((x) => x.method === s);
          const won = row.actual.wonMinor;
          return [s, f === undefined || won === 0 ? null : (f.expectedMinor - won) / won];
        }),
      ),
    }));
  return { sources, points };
}
