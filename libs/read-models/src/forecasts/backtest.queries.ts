import type { EventStore } from '@ltc/event-store';
import { openReadModel, sampleAt, type AsOfOptions, type OpenReadModel } from '@ltc/projections';
import { dealWhere, type DealFilter } from '../shared/deal-filter';
import { trendInstants } from '../funnel/funnel-trend';
import { backtestReport, weekOf, type BacktestWeek, type WonDeal } from './backtest';
import { callShown, callsInForce, type CallVisibility, type RecordedForecastCall } from './calls';
import { forecastMethods, parseMethods, type ForecastSettings } from './forecast';
import { forecastProjection, type ForecastTables } from './forecast.projection';
import { horizonOf, HorizonError, periodAt } from './horizon';
import { DEFAULT_SEED } from './monte-carlo';
import { HistoryLearner, type LearnedHistory } from './historical';
import { closedDealIds, closedDealsAt, pipelineAt } from './pipeline.queries';
import type { BacktestResponse, ForecastHorizon, ForecastMethod } from './types';
import { DEFAULT_CATEGORY_PROBABILITIES, DEFAULT_STAGE_PROBABILITIES } from './weighted';

/** A weekly backtest spans at most two years: 105 weeks, each a forecast of every method. */
export const MAX_BACKTEST_WEEKS = 105;
/** Monte Carlo trials per week unless asked: 52 weeks × open deals × trials is the backtest's inner loop. */
export const BACKTEST_TRIALS = 1_000;

/** A backtest parameter out of its rule; `field` names the query field. */
export class BacktestInputError extends Error {
  readonly code = 'invalidBacktest';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a backtest runs: the weeks W, the horizon of each, the methods and their settings, the scope. */
export type BacktestPlan = Readonly<{
  from: string;
  to: string;
  instants: readonly string[];
  /** `quarter` or `month` (the period holding W), or a period id every W forecasts. */
  horizon: string;
  horizonAt: (at: string) => ForecastHorizon;
  methods: readonly ForecastMethod[];
  currency: string;
  filter: DealFilter;
  scope: BacktestResponse['scope'];
  settings: ForecastSettings;
}>;

export type BacktestAsk = Readonly<{
  from?: string | undefined;
  to?: string | undefined;
  every?: string | undefined;
  horizon?: string | undefined;
  method?: string | undefined;
  trials?: number | undefined;
  currency?: string | undefined;
  filter?: DealFilter;
  scope?: BacktestResponse['scope'];
  settings?: ForecastSettings;
}>;

function instantOf(field: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new BacktestInputError(field, `${field} is required`);
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new BacktestInputError(field, `${field} must be an ISO-8601 date or instant`);
  return new Date(parsed).toISOString();
}

/** Checks a backtest's parameters, each refusal naming its field. */
export function backtestPlan(ask: BacktestAsk): BacktestPlan {
  const from = instantOf('from', ask.from);
  const to = instantOf('to', ask.to);
  if (from > to) throw new BacktestInputError('from', `from (${from}) is after to (${to})`);
  const every = ask.every ?? 'week';
  if (every !== 'week') throw new BacktestInputError('every', `every must be week, got '${every}'`);
  let instants: string[];
  try {
    instants = trendInstants(from, to, 'week', MAX_BACKTEST_WEEKS);
  } catch {
    throw new BacktestInputError(
      'to',
      `a weekly backtest has at most ${MAX_BACKTEST_WEEKS} weeks (two years): from ${from} to ${to} is more`,
    );
  }
  const horizon = ask.horizon ?? 'quarter';
  let horizonAt: (at: string) => ForecastHorizon;
  try {
    if (horizon === 'quarter' || horizon === 'month') horizonAt = (at) => horizonOf(periodAt(at, horizon));
    else {
      const fixed = horizonOf(horizon);
      horizonAt = () => fixed;
    }
  } catch (error) {
    if (!(error instanceof HorizonError)) throw error;
    throw new BacktestInputError(
      'horizon',
      `horizon must be quarter, month or a period (2026-11, 2026-Q4), got '${horizon}'`,
    );
  }
  const methods = parseMethods(ask.method);
  const trials = ask.trials ?? ask.settings?.monteCarlo?.trials ?? BACKTEST_TRIALS;
  return {
    from,
    to,
    instants,
    horizon,
    horizonAt,
    methods,
    currency: ask.currency ?? 'EUR',
    filter: ask.filter ?? {},
    scope: ask.scope ?? { team: null, owner: null },
    settings: { ...ask.settings, monteCarlo: { ...ask.settings?.monteCarlo, trials } },
  };
}

/**
 * What a backtest has learned so far: the deals known closed by the last week, added once each. Closed
 * is final and what is known only grows from week to week, so each week adds the newly known closes.
 */
export class WeeklyHistory {
  private readonly seen = new Set<string>();
  private readonly learner: HistoryLearner;

  constructor(minDeals?: number) {
    this.learner = new HistoryLearner(minDeals);
  }

  at(model: OpenReadModel<ForecastTables>, asOf: string): LearnedHistory {
    const fresh = closedDealIds(model, asOf).filter((id) => !this.seen.has(id));
    if (fresh.length > 0)
      for (const deal of closedDealsAt(model, asOf, fresh)) {
        this.seen.add(deal.dealId);
        this.learner.add(deal);
      }
    return this.learner.at(asOf);
  }
}

/** Every method's forecast at W from the forecast model as it stood then (`history`: learned week by week). */
export function backtestWeekAt(
  model: OpenReadModel<ForecastTables>,
  plan: BacktestPlan,
  at: string,
  reconstructed: boolean,
  history: WeeklyHistory = new WeeklyHistory(plan.settings.minDeals),
): BacktestWeek {
  const horizon = plan.horizonAt(at);
  const { pipeline } = pipelineAt(model, {
    asOf: at,
    horizon,
    currency: plan.currency,
    filter: plan.filter,
    closed: false,
  });
  const learned = history.at(model, at);
  return weekOf(
    pipeline,
    horizon,
    forecastMethods(pipeline, horizon, plan.methods, plan.settings, learned),
    reconstructed,
  );
}

/** Every won deal as the model holds it; `inScope` by the plan's filter (a team tested when it closed). */
export function wonDeals(
  model: OpenReadModel<ForecastTables>,
  plan: Pick<BacktestPlan, 'currency' | 'filter'>,
): WonDeal[] {
  const { db, t } = model;
  const where = dealWhere(plan.filter, 'd.', { column: 'd.closed_at' });
  return db
    .prepare<unknown[], { id: string; opened: string; closed: string; minor: number; scope: number }>(
      `SELECT opportunity_id AS id, opened_at AS opened, closed_at AS closed,
         CASE WHEN won_currency = ? THEN won_minor ELSE 0 END AS minor, CASE WHEN ${where.sql} THEN 1 ELSE 0 END AS scope
       FROM ${t.deals} d WHERE outcome = 'won' ORDER BY closed_at, opportunity_id`,
    )
    .all(plan.currency, ...where.params)
    .map((r) => ({
      dealId: r.id,
      openedAt: r.opened,
      closedAt: r.closed,
      wonMinor: r.minor,
      inScope: r.scope === 1,
    }));
}

/** The human calls to set beside the methods: every recorded call, and which the reader may see. */
export type BacktestCalls = Readonly<{
  recorded: readonly RecordedForecastCall[];
  visibleTo: CallVisibility;
}>;

/**
 * The calls in force at W for W's horizon as known at W, in the backtest's currency: reps' own calls,
 * then managers' team calls. An imported call counts as known when it occurred; `importedUntil` is the
 * latest recording of such a call in force at W recorded after W (W's knowledge of it is reconstructed).
 */
export function callsAtWeek(
  calls: BacktestCalls,
  plan: BacktestPlan,
  at: string,
): BacktestWeek['calls'] & Readonly<{ importedUntil: string | null }> {
  const inForce = callsInForce(calls.recorded, {
    at,
    knownAt: { instant: at },
    period: plan.horizonAt(at).period,
    visibleTo: calls.visibleTo,
    importedKnownWhenOccurred: true,
  }).filter((c) => c.currency === plan.currency);
  const importedUntil = inForce
    .filter((c) => c.imported && c.recordedAt > at)
    .reduce<string | null>(
      (latest, c) => (latest === null || c.recordedAt > latest ? c.recordedAt : latest),
      null,
    );
  const shown = inForce.map(callShown);
  return {
    rep: shown.filter((c) => c.scope === 'own'),
    manager: shown.filter((c) => c.scope === 'team'),
    importedUntil,
  };
}

export type BacktestOptions = AsOfOptions &
  Readonly<{
    /** The forecast calls (none: the call rows are empty and scored as skipped). */
    calls?: BacktestCalls;
    /** The actuals: the live forecast model (everything known now); without it, sampled at `actualsAt` in the same pass. */
    actuals?: OpenReadModel<ForecastTables>;
    /** When the actuals are read (now): rows whose horizon ends later are not settled. */
    actualsAt: string;
    /** Called after each week is sampled. */
    onWeek?: (done: number, total: number) => void;
  }>;

/**
 * The backtest: every week W of the plan, every method's forecast as of W and as known at W (one pass
 * over the log, `sampleAt` known at each instant: a fact recorded after W is not in W's forecast;
 * imported history counts as known when it occurred, and those weeks are flagged reconstructed), set
 * beside what was won in W's horizon as known at `actualsAt`.
 */
export async function runBacktest(
  store: EventStore,
  plan: BacktestPlan,
  options: BacktestOptions,
): Promise<BacktestResponse> {
  const { actuals, actualsAt, onWeek, calls, ...asOf } = options;
  const last = plan.instants[plan.instants.length - 1];
  const extra = actuals === undefined && last !== undefined && actualsAt > last;
  const instants = extra ? [...plan.instants, actualsAt] : plan.instants;
  let importedUntil: string | null = null;
  let sampledActuals: WonDeal[] | undefined;
  let done = 0;
  const history = new WeeklyHistory(plan.settings.minDeals);
  const samples = await sampleAt(
    store,
    [forecastProjection],
    instants,
    (view) => {
      const model = openReadModel(view.readModels, forecastProjection);
      if (view.importedUntil !== null && (importedUntil === null || view.importedUntil > importedUntil))
        importedUntil = view.importedUntil;
      if (extra && view.asOf === actualsAt) {
        sampledActuals = wonDeals(model, plan);
        return undefined;
      }
      const atWeek = calls === undefined ? undefined : callsAtWeek(calls, plan, view.asOf);
      const callsImported = atWeek?.importedUntil ?? null;
      if (callsImported !== null && (importedUntil === null || callsImported > importedUntil))
        importedUntil = callsImported;
      const week = backtestWeekAt(
        model,
        plan,
        view.asOf,
        view.reconstructed || callsImported !== null,
        history,
      );
      onWeek?.(++done, plan.instants.length);
      return atWeek === undefined ? week : { ...week, calls: { rep: atWeek.rep, manager: atWeek.manager } };
    },
    { ...asOf, knownAtEachInstant: true },
  );
  const weeks = samples.flatMap((s) => (s.value === undefined ? [] : [s.value]));
  const won = actuals === undefined ? (sampledActuals ?? []) : wonDeals(actuals, plan);
  const report = backtestReport(weeks, won, plan.methods, actualsAt);
  const reconstructed = report.rows.some((r) => r.reconstructed);
  const mc = plan.settings.monteCarlo;
  return {
    from: plan.from,
    to: plan.to,
    every: 'week',
    horizon: plan.horizon,
    currency: plan.currency,
    scope: plan.scope,
    methods: plan.methods,
    settings: {
      stageProbabilities: plan.settings.stageProbabilities ?? DEFAULT_STAGE_PROBABILITIES,
      categoryProbabilities: plan.settings.categoryProbabilities ?? DEFAULT_CATEGORY_PROBABILITIES,
      minDeals: plan.settings.minDeals ?? 5,
      seed: mc?.seed ?? DEFAULT_SEED,
      trials: mc?.trials ?? BACKTEST_TRIALS,
    },
    actualsAt,
    ...report,
    imported: importedUntil !== null,
    importedUntil,
    note: reconstructed
      ? `imported history: what was known before ${importedUntil} is reconstructed (imported events count as known when they occurred)`
      : null,
  };
}
