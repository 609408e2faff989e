import type { OpenReadModel } from '@ltc/projections';
import { dealWhere, type DealFilter } from '../shared/deal-filter';
import type { ForecastTables } from './forecast.projection';
import type { ClosedDeal, OpenDeal, PipelineAt } from './pipeline';
import type { DealForecastCategory, ForecastHorizon } from './types';

export type PipelineQuery = Readonly<{
  asOf: string;
  horizon: ForecastHorizon;
  /** The reporting currency: deals in another currency are left out and counted in `excluded`. */
  currency: string;
  /** Who the open pipeline and the wins in the horizon are about (the caller adds visibility). */
  filter?: DealFilter;
  /** False: leave `closed` empty (a backtest learns its history week by week, `closedDealsAt` with ids). */
  closed?: boolean;
}>;

export type ExcludedCurrency = Readonly<{ currency: string; deals: number; amountMinor: number }>;

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
): Readonly<{ pipeline: PipelineAt; excluded: readonly ExcludedCurrency[] }> {
  const { db, t } = model;
  const where = dealWhere(query.filter ?? {}, 'd.', { instant: query.asOf });
  const rows = db
    .prepare<unknown[], DealRow>(
      `SELECT opportunity_id, owner, segment, currency, amount_minor, stage, stage_since, category, expected_close
       FROM ${t.deals} d WHERE closed_at IS NULL AND opened_at <= ? AND ${where.sql} ORDER BY opened_at, opportunity_id`,
    )
    .all(query.asOf, ...where.params);
  const open: OpenDeal[] = [];
  const excluded = new Map<string, { deals: number; amountMinor: number }>();
  for (const row of rows) {
    if (row.currency !== query.currency) {
      const e = excluded.get(row.currency) ?? { deals: 0, amountMinor: 0 };
      e.deals += 1;
      e.amountMinor += row.amount_minor;
      excluded.set(row.currency, e);
      continue;
    }
    open.push({
      dealId: row.opportunity_id,
      owner: row.owner,
      stage: row.stage,
      stageSince: row.stage_since,
      segment: row.segment,
      category: row.category,
      amount: { amountMinor: row.amount_minor, currency: row.currency },
      amountMinor: row.amount_minor,
      expectedCloseDate: row.expected_close,
    });
  }
  const won = db
    .prepare<unknown[], { total: number | null }>(
      `SELECT sum(won_minor) AS total FROM ${t.deals} d WHERE outcome = 'won' AND won_currency = ?
         AND closed_at >= ? AND closed_at <= ? AND ${where.sql}`,
    )
    .get(query.currency, query.horizon.from, query.asOf, ...where.params);
  return {
    pipeline: {
      asOf: query.asOf,
      open,
      closed: query.closed === false ? [] : closedDealsAt(model, query.asOf),
      alreadyWonMinor: won?.total ?? 0,
    },
    excluded: [...excluded.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, e]) => ({ currency, ...e })),
  };
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
