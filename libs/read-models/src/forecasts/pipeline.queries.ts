import type { Money } from '@ltc/domain';
import type { OpenReadModel } from '@ltc/projections';
import { dealWhere, type DealFilter } from '../shared/deal-filter';
import type { ForecastTables } from './forecast.projection';
import type { ClosedDeal, OpenDeal, PipelineAt } from './pipeline';
import type { DealForecastCategory, ForecastHorizon } from './types';

export type PipelineQuery = Readonly<{
  asOf: string;
  horizon: ForecastHorizon;
  /** The reporting currency. */
  currency: string;
  /**
   * An amount in the reporting currency (`convertMinor` at the rates in force), or null when no rate
   * converts it: that deal is listed in `excluded`. Absent, only deals in `currency` count.
   */
  convert?: (amount: Money) => number | null;
  /** Who the open pipeline and the wins in the horizon are about (the caller adds visibility). */
  filter?: DealFilter;
  /** False: leave `closed` empty (a backtest learns its history week by week, `closedDealsAt` with ids). */
  closed?: boolean;
}>;

/** Deals of one currency no rate converts: listed, never dropped silently. */
export type ExcludedCurrency = Readonly<{
  currency: string;
  deals: number;
  /** In the deals' own currency. */
  amountMinor: number;
  dealIds: readonly string[];
}>;

/** The pipeline's deals of one currency: their own amounts and, when a rate converts them, the reporting ones. */
export type CurrencyDetail = Readonly<{
  currency: string;
  openDeals: number;
  openAmountMinor: number;
  /** Null when no rate converts the currency (the deals are in `excluded`). */
  openReportingMinor: number | null;
  wonDeals: number;
  wonAmountMinor: number;
  wonReportingMinor: number | null;
}>;

type Detail = { -readonly [K in keyof CurrencyDetail]: CurrencyDetail[K] };

type DealRow = {
  opportunity_id: string;
  owner: string;
  segment: OpenDeal['segment'];
  currency: string;
  amount_minor: number;
  stage: string;
  stage_since: string;
  category: DealForecastCategory;
  expected_close: string | null;
};

/**
 * The pipeline as the forecast model stands (a replay at `asOf` as known at `knownAt`): the open deals
 * in scope, every deal closed by `asOf` with the stages it entered (the history is the whole org's: a
 * rate is about the sales process, not the scope), and the amount won in the horizon before `asOf`.
 */
export function pipelineAt(
  model: OpenReadModel<ForecastTables>,
  query: PipelineQuery,
): Readonly<{
  pipeline: PipelineAt;
  excluded: readonly ExcludedCurrency[];
  /** Won deals in the horizon before `asOf` that no rate converts (left out of `alreadyWonMinor`). */
  excludedWon: readonly ExcludedCurrency[];
  currencies: readonly CurrencyDetail[];
}> {
  const { db, t } = model;
  const where = dealWhere(query.filter ?? {}, 'd.', { instant: query.asOf });
  const rows = db
    .prepare<unknown[], DealRow>(
      `SELECT opportunity_id, owner, segment, currency, amount_minor, stage, stage_since, category, expected_close
       FROM ${t.deals} d WHERE closed_at IS NULL AND opened_at <= ? AND ${where.sql} ORDER BY opened_at, opportunity_id`,
    )
    .all(query.asOf, ...where.params);
  const convert = query.convert ?? ((m: Money) => (m.currency === query.currency ? m.amountMinor : null));
  const details = new Map<string, Detail>();
  const detailOf = (currency: string): Detail => {
    let d = details.get(currency);
    if (d === undefined) {
      d = {
        currency,
        openDeals: 0,
        openAmountMinor: 0,
        openReportingMinor: 0,
        wonDeals: 0,
        wonAmountMinor: 0,
        wonReportingMinor: 0,
      };
      details.set(currency, d);
    }
    return d;
  };
  const excluded = new Excluded();
  const open: OpenDeal[] = [];
  for (const row of rows) {
    const amount = { amountMinor: row.amount_minor, currency: row.currency };
    const reporting = convert(amount);
    const d = detailOf(row.currency);
    d.openDeals += 1;
    d.openAmountMinor += row.amount_minor;
    if (reporting === null) {
      d.openReportingMinor = null;
      excluded.add(row.opportunity_id, amount);
      continue;
    }
    if (d.openReportingMinor !== null) d.openReportingMinor += reporting;
    open.push({
      dealId: row.opportunity_id,
      owner: row.owner,
      stage: row.stage,
      stageSince: row.stage_since,
      segment: row.segment,
      category: row.category,
      amount,
      amountMinor: reporting,
      expectedCloseDate: row.expected_close,
    });
  }
  const wins = db
    .prepare<unknown[], { opportunity_id: string; won_minor: number; won_currency: string }>(
      `SELECT opportunity_id, won_minor, won_currency FROM ${t.deals} d WHERE outcome = 'won'
         AND closed_at >= ? AND closed_at <= ? AND ${where.sql} ORDER BY opportunity_id`,
    )
    .all(query.horizon.from, query.asOf, ...where.params);
  const excludedWon = new Excluded();
  let alreadyWonMinor = 0;
  for (const win of wins) {
    const amount = { amountMinor: win.won_minor, currency: win.won_currency };
    const reporting = convert(amount);
    const d = detailOf(win.won_currency);
    d.wonDeals += 1;
    d.wonAmountMinor += win.won_minor;
    if (reporting === null) {
      d.wonReportingMinor = null;
      excludedWon.add(win.opportunity_id, amount);
    } else {
      alreadyWonMinor += reporting;
      if (d.wonReportingMinor !== null) d.wonReportingMinor += reporting;
    }
  }
  return {
    pipeline: {
      asOf: query.asOf,
      open,
      closed: query.closed === false ? [] : closedDealsAt(model, query.asOf),
      alreadyWonMinor,
    },
    excluded: excluded.list(),
    excludedWon: excludedWon.list(),
    currencies: [...details.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  };
}

/** Deals left out per currency, with their ids. */
class Excluded {
  private readonly byCurrency = new Map<string, { deals: number; amountMinor: number; dealIds: string[] }>();

  add(dealId: string, amount: Money): void {
    const e = this.byCurrency.get(amount.currency) ?? { deals: 0, amountMinor: 0, dealIds: [] };
    e.deals += 1;
    e.amountMinor += amount.amountMinor;
    e.dealIds.push(dealId);
    this.byCurrency.set(amount.currency, e);
  }

  list(): ExcludedCurrency[] {
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, e]) => ({ currency, ...e }));
  }
}

/** The ids of the deals closed by `asOf`. */
export function closedDealIds(model: OpenReadModel<ForecastTables>, asOf: string): string[] {
  const { db, t } = model;
  return db
    .prepare<[string], string>(
      `SELECT opportunity_id FROM ${t.deals} WHERE closed_at IS NOT NULL AND closed_at <= ?`,
    )
    .pluck()
    .all(asOf);
}

/** Every deal closed by `asOf` (of `only`, when given) with the open stages it entered, in one ordered scan. */
export function closedDealsAt(
  model: OpenReadModel<ForecastTables>,
  asOf: string,
  only?: readonly string[],
): ClosedDeal[] {
  const { db, t } = model;
  const among = only === undefined ? '' : 'AND d.opportunity_id IN (SELECT value FROM json_each(?))';
  const rows = db
    .prepare<
      [string],
      {
        opportunity_id: string;
        segment: ClosedDeal['segment'];
        outcome: ClosedDeal['outcome'];
        closed_at: string;
        stage: string | null;
        entered_at: string | null;
      }
    >(
      `SELECT d.opportunity_id, d.segment, d.outcome, d.closed_at, s.stage, s.entered_at
       FROM ${t.deals} d LEFT JOIN ${t.stages} s USING (opportunity_id)
       WHERE d.closed_at IS NOT NULL AND d.closed_at <= ? ${among} ORDER BY d.opportunity_id, s.entered_at`,
    )
    .all(...((only === undefined ? [asOf] : [asOf, JSON.stringify(only)]) as [string]));
  const deals: ClosedDeal[] = [];
  let current: { dealId: string; stages: { stage: string; enteredAt: string }[] } | undefined;
  for (const row of rows) {
    if (current?.dealId !== row.opportunity_id) {
      current = { dealId: row.opportunity_id, stages: [] };
      deals.push({
        dealId: row.opportunity_id,
        segment: row.segment,
        outcome: row.outcome,
        closedAt: row.closed_at,
        stages: current.stages,
      });
    }
    if (row.stage !== null && row.entered_at !== null)
      current.stages.push({ stage: row.stage, enteredAt: row.entered_at });
  }
  return deals;
}
