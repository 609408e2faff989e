import type { Money } from '@ltc/domain';
import type { OpenReadModel } from '@ltc/projections';
import { dealWhere, periodWhere, type DealFilter } from '../shared/deal-filter';
import { MoneyTotals } from '../shared/statistics';
import type { FunnelTables } from './funnel.projection';
import { funnelStages } from './funnel.queries';

export type TrendStep = 'day' | 'week' | 'month';

/** The pipeline at one instant of a trend, and the flows of the step that ended there. */
export type FunnelTrendPoint = Readonly<{
  asOf: string;
  /** Open deals at `asOf`, and their amounts per currency. */
  open: number;
  amount: readonly Money[];
  /** Deals won, lost and abandoned in the step `[previous point, asOf)`. */
  won: number;
  lost: number;
  abandoned: number;
  stages: readonly Readonly<{
    stage: string;
    deals: number;
    amount: readonly Money[];
    entered: number;
    exited: number;
  }>[];
}>;

const DAY = 86_400_000;

/** `at` moved by whole calendar months, the day kept or clamped to the month's last (31 Jan + 1 = 28 Feb). */
function addMonths(at: Date, months: number): Date {
  const t = new Date(at);
  const day = t.getUTCDate();
  t.setUTCDate(1);
  t.setUTCMonth(t.getUTCMonth() + months);
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(day, last));
  return t;
}

/** The step before `at` (a calendar month back for `month`). */
export function stepBack(at: string, every: TrendStep): string {
  const t = new Date(at);
  if (every === 'month') return addMonths(t, -1).toISOString();
  return new Date(t.getTime() - (every === 'week' ? 7 : 1) * DAY).toISOString();
}

/** Instants `from`, `from + step`, … up to and including `to`; at most `max` of them (RangeError past it). */
export function trendInstants(from: string, to: string, every: TrendStep, max = 400): string[] {
  const start = new Date(from);
  const end = Date.parse(to);
  const instants: string[] = [];
  for (let i = 0; ; i++) {
    const t =
      every === 'month'
        ? addMonths(start, i)
        : new Date(start.getTime() + i * (every === 'week' ? 7 : 1) * DAY);
    if (t.getTime() > end) break;
    if (instants.length === max) throw new RangeError(`a trend has at most ${max} points`);
    instants.push(t.toISOString());
  }
  return instants;
}

const CLOSED = new Set(['won', 'lost', 'abandoned']);

/**
 * One point of a funnel trend, from the funnel read model as it stood at `asOf`: the same figures as
 * `funnelReport` (deals and amounts per stage, entries and exits in the step), aggregated in SQL, since
 * a trend asks for dozens of points from one pass.
 */
export function funnelTrendPoint(
  model: OpenReadModel<FunnelTables>,
  query: Readonly<{ asOf: string; every: TrendStep; filter?: DealFilter }>,
): FunnelTrendPoint {
  const { db, t } = model;
  const where = dealWhere(query.filter ?? {}, 'd.', { instant: query.asOf });
  const byStage = new Map(
    funnelStages().map((stage) => [stage, { deals: 0, amount: new MoneyTotals(), entered: 0, exited: 0 }]),
  );
  const open = { deals: 0, amount: new MoneyTotals() };
  const held = db
    .prepare<unknown[], { stage: string; currency: string; deals: number; amount: number }>(
      `SELECT stage, currency, count(*) AS deals, sum(amount_minor) AS amount FROM ${t.deals} d
       WHERE ${where.sql} GROUP BY stage, currency`,
    )
    .all(...where.params);
  for (const row of held) {
    const stage = byStage.get(row.stage);
    if (stage === undefined) continue;
    stage.deals += row.deals;
    stage.amount.add(row.currency, row.amount);
    if (CLOSED.has(row.stage)) continue;
    open.deals += row.deals;
    open.amount.add(row.currency, row.amount);
  }
  const step = periodWhere('m.at', { from: stepBack(query.asOf, query.every), to: query.asOf });
  const join = where.sql === '1' ? '' : `JOIN ${t.deals} d USING (opportunity_id)`;
  const moves = db
    .prepare<unknown[], { from_stage: string | null; to_stage: string; n: number }>(
      `SELECT m.from_stage, m.to_stage, count(*) AS n FROM ${t.moves} m ${join}
       WHERE ${step.sql} AND ${where.sql} GROUP BY m.from_stage, m.to_stage`,
    )
    .all(...step.params, ...where.params);
  const ended = { won: 0, lost: 0, abandoned: 0 };
  for (const move of moves) {
    const to = byStage.get(move.to_stage);
    if (to !== undefined) to.entered += move.n;
    if (move.to_stage === 'won' || move.to_stage === 'lost' || move.to_stage === 'abandoned') {
      ended[move.to_stage] += move.n;
    }
    const from = move.from_stage === null ? undefined : byStage.get(move.from_stage);
    if (from !== undefined) from.exited += move.n;
  }
  return {
    asOf: query.asOf,
    open: open.deals,
    amount: open.amount.list(),
    ...ended,
    stages: [...byStage.entries()].map(([stage, row]) => ({
      stage,
      deals: row.deals,
      amount: row.amount.list(),
      entered: row.entered,
      exited: row.exited,
    })),
  };
}
