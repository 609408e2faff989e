import { historical, learnHistory, type LearnedHistory } from './historical';
import { monteCarlo, type MonteCarloOptions } from './monte-carlo';
import { expectedInHorizon, type PipelineAt } from './pipeline';
import {
  FORECAST_METHODS,
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

/** Unweighted open pipeline expected in the horizon against a target (null: none covers the scope). */
export function coverageOf(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  targets: PipelineCoverage['targets'] = [],
): PipelineCoverage {
  const openMinor = pipeline.open
    .filter((deal) => expectedInHorizon(deal, pipeline.asOf, horizon))
    .reduce((sum, deal) => sum + deal.amountMinor, 0);
  const targetMinor = targets.length === 0 ? null : targets.reduce((sum, t) => sum + t.targetMinor, 0);
  const gap = targetMinor === null ? 0 : targetMinor - pipeline.alreadyWonMinor;
  return {
    targetMinor,
    wonMinor: pipeline.alreadyWonMinor,
    openMinor,
    coverage: targetMinor === null || gap <= 0 ? null : Math.round((openMinor / gap) * 10_000) / 10_000,
    targets,
  };
}
