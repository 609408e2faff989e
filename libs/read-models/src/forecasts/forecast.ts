import { historical, learnHistory, type LearnedHistory } from './historical';
import { monteCarlo, type MonteCarloOptions } from './monte-carlo';
import { expectedInHorizon, type PipelineAt } from './pipeline';
import { convertMinor, type RecordedRateTable } from './rates';
import type { TargetInForce } from './targets';
import {
  FORECAST_METHODS,
  type CoverageTarget,
  type CoverageTargetWithoutRate,
  type ForecastCategory,
  type ForecastHorizon,
  type ForecastMethod,
  type MethodForecast,
  type PipelineCoverage,
} from './types';
import { categoryWeighted, stageWeighted } from './weighted';

/** What the methods are configured with (recorded in each method's answer). */
export type ForecastSettings = Readonly<{
  stageProbabilities?: Readonly<Record<string, number>>;
  categoryProbabilities?: Readonly<Record<ForecastCategory, number>>;
  minDeals?: number;
  monteCarlo?: Omit<MonteCarloOptions, 'history'>;
}>;

/** An unknown method name; `field` names the query field. */
export class ForecastMethodError extends Error {
  readonly code = 'unknownForecastMethod';
  constructor(
    readonly field: string,
    value: string,
  ) {
    super(`${field} must be one of ${FORECAST_METHODS.join(', ')}, got '${value}'`);
  }
}

export function parseMethods(text: string | undefined, field = 'method'): ForecastMethod[] {
  if (text === undefined || text === '') return [...FORECAST_METHODS];
  const asked = text.split(',').map((m) => m.trim());
  for (const m of asked)
    if (!(FORECAST_METHODS as readonly string[]).includes(m)) throw new ForecastMethodError(field, m);
  return FORECAST_METHODS.filter((m) => asked.includes(m));
}

/**
 * Every asked method over one pipeline; the history is learned once for the historical and Monte Carlo
 * (from `pipeline.closed`, unless the caller learned it already: a backtest, week by week).
 */
export function forecastMethods(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  methods: readonly ForecastMethod[],
  settings: ForecastSettings = {},
  learned?: LearnedHistory,
): MethodForecast[] {
  const history = learned ?? learnHistory(pipeline.closed, pipeline.asOf, settings.minDeals);
  return methods.map((method) => {
    switch (method) {
      case 'stage-weighted':
        return stageWeighted(pipeline, horizon, settings.stageProbabilities);
      case 'category-weighted':
        return categoryWeighted(pipeline, horizon, settings.categoryProbabilities);
      case 'historical':
        return historical(pipeline, horizon, history);
      case 'monte-carlo':
        return monteCarlo(pipeline, horizon, { ...settings.monteCarlo, history });
    }
  });
}

/** What a coverage is measured against: the targets in force and how to bring them to the reporting currency. */
export type CoverageTargets = Readonly<{
  targets: readonly TargetInForce[];
  /** The reporting currency. */
  currency: string;
  /** The exchange rate table in force at `asOf` as known at `knownAt` (`rateTableInForce`). */
  table: RecordedRateTable | null;
}>;

/**
 * Unweighted open pipeline expected in the horizon against the targets in force (`targetsInForce`),
 * each converted at the table in force (`convertMinor`: exact, rounded once) and summed; a target no
 * rate converts is listed in `targetsWithoutRate`, never dropped silently. Coverage is
 * `openMinor / (targetMinor − wonMinor)`, to four decimals: how many times the open pipeline covers
 * what is still to win.
 */
export function coverageOf(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  against: CoverageTargets = { targets: [], currency: '', table: null },
): PipelineCoverage {
  const openMinor = pipeline.open
    .filter((deal) => expectedInHorizon(deal, pipeline.asOf, horizon))
    .reduce((sum, deal) => sum + deal.amountMinor, 0);
  const targets: CoverageTarget[] = [];
  const targetsWithoutRate: CoverageTargetWithoutRate[] = [];
  for (const target of against.targets) {
    const converted = convertMinor(target.amount, against.currency, against.table);
    if (converted.ok) targets.push({ ...target, targetMinor: converted.amountMinor, rate: converted.rate });
    else targetsWithoutRate.push({ ...target, reason: converted.reason });
  }
  const targetMinor = targets.length === 0 ? null : targets.reduce((sum, t) => sum + t.targetMinor, 0);
  const gap = targetMinor === null ? 0 : targetMinor - pipeline.alreadyWonMinor;
  return {
    targetMinor,
    wonMinor: pipeline.alreadyWonMinor,
    openMinor,
    coverage: targetMinor === null || gap <= 0 ? null : Math.round((openMinor / gap) * 10_000) / 10_000,
    targets,
    targetsWithoutRate,
  };
}
