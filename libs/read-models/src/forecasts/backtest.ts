import type { PipelineAt } from './pipeline';
import type {
  BacktestAccuracy,
  BacktestCalibration,
  BacktestForecast,
  BacktestRow,
  BacktestSource,
  ForecastHorizon,
  ForecastMethod,
  MethodForecast,
  ReliabilityBin,
} from './types';

/** A deal's probability of being won in the horizon, as one method gave it at W. */
export type DealPrediction = Readonly<{ dealId: string; probability: number }>;

/** One week as the sampler saw it: every method's forecast and per-deal probabilities known at W. */
export type BacktestWeek = Readonly<{
  at: string;
  horizon: ForecastHorizon;
  reconstructed: boolean;
  forecasts: readonly BacktestForecast[];
  /** Per method, each open deal in scope at W with its probability (0 where the method leaves it out). */
  predictions: ReadonlyMap<ForecastMethod, readonly DealPrediction[]>;
  calls: BacktestRow['calls'];
}>;

/** A won deal as known when the backtest is read: when it opened and closed, and what it signed for. */
export type WonDeal = Readonly<{
  dealId: string;
  openedAt: string;
  closedAt: string;
  /** Signed amount in the reporting currency (0 when signed in another currency). */
  wonMinor: number;
  /** In the backtest's scope (owner, team, visibility): counted in the actuals. */
  inScope: boolean;
}>;

export const NO_CALLS: BacktestRow['calls'] = { rep: [], manager: [] };

/**
 * Half away from zero, to four decimals, of the value as computed to 12 significant digits: a mean
 * summed in floating point (0.12624999999999997 for 0.12625) rounds as its exact value would.
 */
export const round4 = (value: number): number =>
  (Math.sign(value) * Math.round(Number((Math.abs(value) * 10_000).toPrecision(12)))) / 10_000;

/**
 * What a backtest keeps of the forecasts at W: each method's expected amount (Monte Carlo: the mean of the
 * trials, with its quantiles) and each open deal's probability, without the per-deal sentences.
 */
export function weekOf(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  forecasts: readonly MethodForecast[],
  reconstructed: boolean,
  calls: BacktestRow['calls'] = NO_CALLS,
): BacktestWeek {
  const predictions = new Map<ForecastMethod, DealPrediction[]>();
  for (const forecast of forecasts) {
    const given = new Map(forecast.contributions.map((c) => [c.dealId, c.probability]));
    predictions.set(
      forecast.method,
      pipeline.open.map((deal) => ({ dealId: deal.dealId, probability: given.get(deal.dealId) ?? 0 })),
    );
  }
  return {
    at: pipeline.asOf,
    horizon,
    reconstructed,
    forecasts: forecasts.map((f) =>
      f.method === 'monte-carlo'
        ? {
            method: f.method,
            expectedMinor: f.meanMinor,
            p10Minor: f.p10Minor,
            p50Minor: f.p50Minor,
            p90Minor: f.p90Minor,
          }
        : {
            method: f.method,
            expectedMinor: f.expectedMinor,
            p10Minor: null,
            p50Minor: null,
            p90Minor: null,
          },
    ),
    predictions,
    calls,
  };
}

/**
 * Won in W's horizon, in scope: closed by W (already won, in every method's forecast), won from deals
 * open at W, and won from deals opened after W (no forecast at W could have named them). Business times.
 */
export function actualOf(
  week: Pick<BacktestWeek, 'at' | 'horizon'>,
  won: readonly WonDeal[],
): BacktestRow['actual'] {
  const { at, horizon } = week;
  let wonBeforeMinor = 0;
  let openAtWMinor = 0;
  let createdAfterWMinor = 0;
  for (const deal of won) {
    if (!deal.inScope || deal.closedAt < horizon.from || deal.closedAt >= horizon.to) continue;
    if (deal.closedAt <= at) wonBeforeMinor += deal.wonMinor;
    else if (deal.openedAt <= at) openAtWMinor += deal.wonMinor;
    else createdAfterWMinor += deal.wonMinor;
  }
  return {
    wonMinor: wonBeforeMinor + openAtWMinor + createdAfterWMinor,
    wonBeforeMinor,
    openAtWMinor,
    createdAfterWMinor,
  };
}

/** The rows of a backtest: each week's forecasts beside what was won in its horizon. */
export function backtestRows(
  weeks: readonly BacktestWeek[],
  won: readonly WonDeal[],
  actualsAt: string,
): BacktestRow[] {
  return weeks.map((week) => ({
    at: week.at,
    horizon: week.horizon,
    forecasts: week.forecasts,
    calls: week.calls,
    actual: actualOf(week, won),
    reconstructed: week.reconstructed,
    settled: week.horizon.to <= actualsAt,
  }));
}

const sumCommit = (calls: readonly Readonly<{ commitMinor: number }>[]): number | null =>
  calls.length === 0 ? null : calls.reduce((sum, c) => sum + c.commitMinor, 0);

/** What a source forecast for a row: a method's expected amount, or the commit of the calls in force. */
function forecastOf(row: BacktestRow, source: BacktestSource): number | null {
  if (source === 'rep-calls') return sumCommit(row.calls.rep);
  if (source === 'manager-calls') return sumCommit(row.calls.manager);
  return row.forecasts.find((f) => f.method === source)?.expectedMinor ?? null;
}

/**
 * MAPE = mean |F − A| / A and bias = mean (F − A) / A over the settled rows with A > 0 (a percentage
 * error of nothing won is undefined) where the source had a forecast; four decimals.
 */
export function accuracyOf(rows: readonly BacktestRow[], source: BacktestSource): BacktestAccuracy {
  let scored = 0;
  let skipped = 0;
  let absolute = 0;
  let signed = 0;
  for (const row of rows) {
    if (!row.settled) continue;
    const forecast = forecastOf(row, source);
    const actual = row.actual.wonMinor;
    if (forecast === null || actual <= 0) {
      skipped++;
      continue;
    }
    scored++;
    absolute += Math.abs(forecast - actual) / actual;
    signed += (forecast - actual) / actual;
  }
  return {
    source,
    rows: scored,
    skipped,
    mape: scored === 0 ? null : round4(absolute / scored),
    bias: scored === 0 ? null : round4(signed / scored),
  };
}

/** Won in the horizon after W: what a deal open at W did with the probability it was given. */
function wonAfter(won: ReadonlyMap<string, WonDeal>, dealId: string, week: BacktestWeek): boolean {
  const deal = won.get(dealId);
  return (
    deal !== undefined &&
    deal.closedAt > week.at &&
    deal.closedAt >= week.horizon.from &&
    deal.closedAt < week.horizon.to
  );
}

/**
 * Brier score (mean of (p − o)², o = 1 when the deal was won in the horizon after W, else 0) and the
 * reliability table (deciles of p: `[0, 0.1)` … `[0.9, 1]`, mean p against the share won) of one method,
 * over every deal open in scope at a settled week.
 */
export function calibrationOf(
  weeks: readonly BacktestWeek[],
  won: readonly WonDeal[],
  method: ForecastMethod,
  actualsAt: string,
): BacktestCalibration {
  const byId = new Map(won.map((d) => [d.dealId, d]));
  const bins = Array.from({ length: 10 }, () => ({ deals: 0, predicted: 0, won: 0 }));
  let predictions = 0;
  let squared = 0;
  for (const week of weeks) {
    if (week.horizon.to > actualsAt) continue;
    for (const { dealId, probability } of week.predictions.get(method) ?? []) {
      const observed = wonAfter(byId, dealId, week) ? 1 : 0;
      predictions++;
      squared += (probability - observed) ** 2;
      // The small epsilon keeps 0.3 (learned as 3/10) out of the decile below it.
      const bin = bins[Math.min(9, Math.floor(probability * 10 + 1e-9))] as (typeof bins)[number];
      bin.deals++;
      bin.predicted += probability;
      bin.won += observed;
    }
  }
  const reliability: ReliabilityBin[] = bins.map((b, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    deals: b.deals,
    meanPredicted: b.deals === 0 ? null : round4(b.predicted / b.deals),
    observed: b.deals === 0 ? null : round4(b.won / b.deals),
  }));
  return {
    method,
    predictions,
    brier: predictions === 0 ? null : round4(squared / predictions),
    reliability,
  };
}

/** Rows, accuracy per method and per level of human calls, and calibration per method. */
export function backtestReport(
  weeks: readonly BacktestWeek[],
  won: readonly WonDeal[],
  methods: readonly ForecastMethod[],
  actualsAt: string,
): Readonly<{ rows: BacktestRow[]; accuracy: BacktestAccuracy[]; calibration: BacktestCalibration[] }> {
  const rows = backtestRows(weeks, won, actualsAt);
  const sources: BacktestSource[] = [...methods, 'rep-calls', 'manager-calls'];
  return {
    rows,
    accuracy: sources.map((source) => accuracyOf(rows, source)),
    calibration: methods.map((method) => calibrationOf(weeks, won, method, actualsAt)),
  };
}
