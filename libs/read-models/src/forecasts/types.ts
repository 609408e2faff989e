/**
 * Response shapes of the forecasts read model (issue 14): `GET /api/forecasts` and
 * `GET /api/forecasts/backtest`. Amounts are integer minor units of the answer's reporting `currency`
 * unless a field says otherwise (a deal's own `amount` keeps its currency); a probability is a number in
 * [0, 1]; an instant is ISO-8601 UTC; a period is `'2026-Q4'` (quarter) or `'2026-11'` (month).
 */
import type { Money } from '@ltc/domain';
import type { CurrencyDetail, ExcludedCurrency } from './pipeline.queries';
import type { RatesShown } from './rates';

export type ForecastMethod = 'stage-weighted' | 'category-weighted' | 'historical' | 'monte-carlo';
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  'stage-weighted',
  'category-weighted',
  'historical',
  'monte-carlo',
];

/** The rep's or manager's call on a deal; closed deals read as `closed`. */
export type ForecastCategory = 'pipeline' | 'best-case' | 'commit' | 'omitted';
export const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  'pipeline',
  'best-case',
  'commit',
  'omitted',
];
export type DealForecastCategory = ForecastCategory | 'closed';

/** The period a forecast is for, as the half-open business interval `[from, to)`. */
export type ForecastHorizon = Readonly<{ period: string; from: string; to: string }>;

/** A deal's share of one method's forecast: what was multiplied by what, and why. */
export type ForecastContribution = Readonly<{
  dealId: string;
  owner: string;
  /** The deal's stage at `asOf` (the opportunity machine's leaf state, `open.negotiation`). */
  stage: string;
  segment: 'strategic' | 'ordinary';
  category: DealForecastCategory;
  /** The deal's amount at `asOf`, in its own currency. */
  amount: Money;
  /** `amount` in the reporting currency at the rate in force at `asOf`, rounded half away from zero. */
  amountMinor: number;
  /** The probability this method gives the deal of being won inside the horizon. */
  probability: number;
  /** `amountMinor × probability`, rounded half away from zero; the method's total is the sum of these. */
  expectedMinor: number;
  /** One sentence: `stage open.negotiation: 0.6 (configured)`, `commit: 0.9`, `strategic/negotiation: 7 of 10 won`. */
  why: string;
}>;

/** A historical win rate of one cell, and what it was learned from. */
export type HistoricalRate = Readonly<{
  stage: string;
  /** Null for the pooled rate of the stage (all segments together). */
  segment: 'strategic' | 'ordinary' | null;
  /** Deals closed before `asOf` (as known at `knownAt`) that had been in this stage, and those of them won. */
  closed: number;
  won: number;
  /** `won / closed`; 0 when nothing was learned (`closed = 0`). */
  probability: number;
  /** True when this cell had fewer than `minDeals` and the deals in it use the pooled rate instead. */
  thin: boolean;
}>;

/** Time from entering a stage to being won, learned from deals won before `asOf`. */
export type TimeToClose = Readonly<{
  stage: string;
  /** How many won deals the distribution holds (pooled over all stages when the stage has too few). */
  samples: number;
  pooled: boolean;
  /** Quantiles of the days from entering the stage to the win. */
  p10Days: number;
  p50Days: number;
  p90Days: number;
}>;

type MethodBase = Readonly<{
  /** Won already inside the horizon before `asOf` (the same for every method) plus the expected from open deals. */
  expectedMinor: number;
  alreadyWonMinor: number;
  expectedOpenMinor: number;
  contributions: readonly ForecastContribution[];
}>;

export type StageWeightedForecast = MethodBase &
  Readonly<{
    method: 'stage-weighted';
    /** The configured probability per stage, as applied (recorded so the answer can be recomputed). */
    probabilities: Readonly<Record<string, number>>;
  }>;

export type CategoryWeightedForecast = MethodBase &
  Readonly<{
    method: 'category-weighted';
    probabilities: Readonly<Record<ForecastCategory, number>>;
  }>;

export type HistoricalForecast = MethodBase &
  Readonly<{
    method: 'historical';
    /** A cell with fewer closed deals than this falls back to its stage's pooled rate. */
    minDeals: number;
    rates: readonly HistoricalRate[];
    timeToClose: readonly TimeToClose[];
    /** Deals closed before `asOf` the rates were learned from (won and lost; abandoned count as lost). */
    learnedFrom: number;
  }>;

export type MonteCarloForecast = MethodBase &
  Readonly<{
    method: 'monte-carlo';
    seed: number;
    trials: number;
    /** Quantiles and mean of the amount won in the horizon over the trials (already won included). */
    p10Minor: number;
    p50Minor: number;
    p90Minor: number;
    meanMinor: number;
  }>;

export type MethodForecast =
  StageWeightedForecast | CategoryWeightedForecast | HistoricalForecast | MonteCarloForecast;

/** A target a coverage counts: whose, for which period, in its plan's currency and in the reporting one. */
export type CoverageTarget = Readonly<{
  personId: string;
  planId: string;
  /** A period inside the horizon (`2026-11` of `2026-Q4`, or the quarter itself). */
  period: string;
  /** As set, in the plan's currency. */
  amount: Money;
  /** `amount` in the reporting currency at the rate in force, rounded half away from zero. */
  targetMinor: number;
  /** The rate applied (`'1'` in the same currency; `from/to` through the table's base). */
  rate: string;
  /** The `IncentiveTargetSet` event. */
  eventId: string;
}>;

/** A target in a currency no rate in force converts: listed, left out of `targetMinor`. */
export type CoverageTargetWithoutRate = Readonly<{
  personId: string;
  planId: string;
  period: string;
  amount: Money;
  eventId: string;
  reason: string;
}>;

/** Open pipeline against the targets of the people in scope for the periods inside the horizon. */
export type PipelineCoverage = Readonly<{
  /** Σ `targets[].targetMinor`; null when no target (that a rate converts) covers the horizon for anyone in scope. */
  targetMinor: number | null;
  wonMinor: number;
  /** Open deals expected to close in the horizon, unweighted. */
  openMinor: number;
  /** `openMinor / (targetMinor − wonMinor)`, four decimals; null without a target or when the target is met. */
  coverage: number | null;
  targets: readonly CoverageTarget[];
  targetsWithoutRate: readonly CoverageTargetWithoutRate[];
}>;

/** `GET /api/forecasts?horizon=&asOf=&knownAt=&method=&team=&owner=`. */
export type ForecastResponse = Readonly<{
  horizon: ForecastHorizon;
  asOf: string;
  /** The knowledge instant or log position the answer holds the log at (null: everything known now). */
  knownAt: string | null;
  currency: string;
  scope: Readonly<{ team: string | null; owner: string | null }>;
  /** Open deals at `asOf` in scope. */
  openDeals: number;
  /** The methods asked for (`method=`), all four by default, in `FORECAST_METHODS` order. */
  methods: readonly MethodForecast[];
  coverage: PipelineCoverage;
  /** The exchange rate table in force at `asOf` as known at `knownAt` (`rateTableInForce`); null: none. */
  rates: RatesShown | null;
  /** Per currency of the deals in scope: open and won amounts in their own currency and in `currency`. */
  currencies: readonly CurrencyDetail[];
  /** Open deals in a currency no rate in force converts: listed (ids), left out of the methods. */
  excluded: readonly ExcludedCurrency[];
  /** Deals won in the horizon before `asOf` that no rate converts: listed, left out of `alreadyWonMinor`. */
  excludedWon: readonly ExcludedCurrency[];
  /** The forecast calls for the horizon's period in force at `asOf` as known at `knownAt` (`callsInForce`). */
  calls: readonly ForecastCallInForce[];
}>;

/** A rep's call on their own deals or a manager's for the team, in force at a week. */
export type ForecastCallInForce = Readonly<{
  /** The id of the event that made the call. */
  callId: string;
  /** Who made it: the rep, the team's manager, or sales operations on their behalf. */
  by: string;
  scope: 'own' | 'team';
  /** The rep of an own call; null for a team call. */
  personId: string | null;
  /** The team of a team call; null for an own call. */
  team: string | null;
  period: string;
  /** The currency of `commitMinor` and `bestCaseMinor` (the call's own, not converted). */
  currency: string;
  commitMinor: number;
  bestCaseMinor: number;
  note: string;
  occurredAt: string;
  recordedAt: string;
}>;

/** One method's forecast as known at a week (the Monte Carlo row carries its quantiles). */
export type BacktestForecast = Readonly<{
  method: ForecastMethod;
  expectedMinor: number;
  p10Minor: number | null;
  p50Minor: number | null;
  p90Minor: number | null;
}>;

export type BacktestRow = Readonly<{
  /** The week's instant W: the forecast's `asOf` and `knownAt`. */
  at: string;
  horizon: ForecastHorizon;
  forecasts: readonly BacktestForecast[];
  calls: Readonly<{ rep: readonly ForecastCallInForce[]; manager: readonly ForecastCallInForce[] }>;
  /** Won in the horizon, as known now: before W, then from deals open at W, then from deals created after W. */
  actual: Readonly<{
    wonMinor: number;
    wonBeforeMinor: number;
    openAtWMinor: number;
    createdAfterWMinor: number;
  }>;
  /** True when W is before the import date: what was "known" at W is reconstructed. */
  reconstructed: boolean;
  /** True when the horizon had ended when the actuals were read; only settled rows are scored. */
  settled: boolean;
}>;

/** What a forecast source is scored as: a method, or the sum of the human calls of one level. */
export type BacktestSource = ForecastMethod | 'rep-calls' | 'manager-calls';

/**
 * Error of one source over the rows with a non-zero actual (rounded to four decimals):
 * MAPE = mean |forecast − actual| / actual; bias = mean (forecast − actual) / actual.
 */
export type BacktestAccuracy = Readonly<{
  source: BacktestSource;
  rows: number;
  /** Settled rows left out: actual won was 0 (a percentage error is undefined), or no call was in force. */
  skipped: number;
  mape: number | null;
  bias: number | null;
}>;

/** Predicted against observed win frequency of deals whose probability fell in one decile. */
export type ReliabilityBin = Readonly<{
  /** `[from, to)` of the predicted probability; the last decile includes 1. */
  from: number;
  to: number;
  deals: number;
  meanPredicted: number | null;
  observed: number | null;
}>;

/** Calibration of a probabilistic method's per-deal probabilities against what each deal did in the horizon. */
export type BacktestCalibration = Readonly<{
  /** Every method gives each open deal a probability of being won in the horizon (Monte Carlo: its share of trials). */
  method: ForecastMethod;
  /** Deal-weeks scored: each deal open (in scope) at a settled week, won in the horizon after W or not. */
  predictions: number;
  /** Mean of (p − won)², four decimals; null without predictions. */
  brier: number | null;
  reliability: readonly ReliabilityBin[];
}>;

/** `GET /api/forecasts/backtest?from=&to=&every=week&horizon=quarter`. */
export type BacktestResponse = Readonly<{
  from: string;
  to: string;
  every: 'week';
  /** `quarter` or `month`: the period holding each W; or one period (`2026-Q4`) every week forecasts. */
  horizon: string;
  currency: string;
  scope: Readonly<{ team: string | null; owner: string | null }>;
  methods: readonly ForecastMethod[];
  /** What the methods were configured with, as applied at every week. */
  settings: Readonly<{
    stageProbabilities: Readonly<Record<string, number>>;
    categoryProbabilities: Readonly<Record<ForecastCategory, number>>;
    minDeals: number;
    seed: number;
    trials: number;
  }>;
  /** When the actuals were read (rows whose horizon ends later are not settled). */
  actualsAt: string;
  rows: readonly BacktestRow[];
  accuracy: readonly BacktestAccuracy[];
  calibration: readonly BacktestCalibration[];
  /** Imported history: knowledge before `importedUntil` is reconstructed (recorded at import time). */
  imported: boolean;
  importedUntil: string | null;
  note: string | null;
}>;
