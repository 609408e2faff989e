import type { Money } from '@ltc/domain';
import { type OpenReadModel, kindFolders } from '@ltc/projections';
import { dealWhere, instant, periodWhere, type DealFilter, type Period } from '../shared/deal-filter';
import { days, MoneyTotals, percentile, ratio } from '../shared/statistics';
import type { FunnelTables } from './funnel.projection';

export type FunnelQuery = Readonly<{
  filter?: DealFilter;
  /** Entries, exits, conversions and times in stage count moves in this period (all time if omitted). */
  period?: Period;
  /** A deal is stalled when it has been in an open stage longer than this. */
  stalledDays?: number;
  /** "Now" for stalled deals: the as-of instant, or the caller's clock. */
  now: string;
}>;

export type StageRow = Readonly<{
  stage: string;
  /** Deals in this stage now (for won, lost and abandoned: every deal that ended there). */
  deals: number;
  amount: readonly Money[];
  entered: number;
  exited: number;
  /** Of the exits, the share that moved forward (to a later stage, won included; not lost or abandoned). */
  conversion: number | null;
  /** Completed stays that ended in the period: median and 90th percentile, in days. */
  timeInStage: Readonly<{ stays: number; medianDays: number | null; p90Days: number | null }>;
  stalled: number;
}>;

export type StalledDeal = Readonly<{
  opportunityId: string;
  stage: string;
  since: string;
  days: number;
  owner: string;
  amount: Money;
}>;

export type FunnelReport = Readonly<{
  stages: readonly StageRow[];
  /** Every stage-to-stage move in the period, and its share of the exits from `from`. */
  moves: readonly Readonly<{ from: string; to: string; count: number; rate: number | null }>[];
  stalled: readonly StalledDeal[];
  totals: Readonly<{ open: number; amount: readonly Money[]; won: number; lost: number; abandoned: number }>;
}>;

const CLOSED = ['won', 'lost', 'abandoned'];

/** The funnel's stages in the order the opportunity machine defines them. */
export function funnelStages(): readonly string[] {
  return kindFolders().opportunity.stages;
}

export function funnelReport(model: OpenReadModel<FunnelTables>, query: FunnelQuery): FunnelReport {
  const { db, t } = model;
  // A team's deals in the funnel: those its members owned at the funnel's instant; its moves (entries,
  // exits, conversions, times in stage): those its members owned when the move happened, so a rep's
  // moves before a team move stay with the old team.
  const where = dealWhere(query.filter ?? {}, 'd.', { instant: query.now });
  const movesWhere = dealWhere(query.filter ?? {}, 'd.', { column: 'm.at' });
  const stages = funnelStages();
  const order = new Map(stages.map((s, i) => [s, i]));
  const now = Date.parse(instant(query.now));
  const stalledMs = (query.stalledDays ?? 30) * 86_400_000;

  const current = db
    .prepare<
      unknown[],
      {
        opportunity_id: string;
        stage: string;
        stage_since: string;
        owner: string;
        currency: string;
        amount_minor: number;
      }
    >(
      `SELECT opportunity_id, stage, stage_since, owner, currency, amount_minor FROM ${t.deals} d WHERE ${where.sql}`,
    )
    .all(...where.params);
  const inPeriod = periodWhere('m.at', query.period);
  // The time spent in `from` is the gap since the deal's previous move (the one that entered it).
  const moves = db
    .prepare<unknown[], { from_stage: string | null; to_stage: string; at: string; entered: string | null }>(
      `SELECT m.from_stage, m.to_stage, m.at, m.entered FROM (
         SELECT opportunity_id, from_stage, to_stage, at,
           lag(at) OVER (PARTITION BY opportunity_id ORDER BY position) AS entered
         FROM ${t.moves}) m
       JOIN ${t.deals} d USING (opportunity_id)
       WHERE ${inPeriod.sql} AND ${movesWhere.sql}`,
    )
    .all(...inPeriod.params, ...movesWhere.params);

  const byStage = new Map(
    stages.map((stage) => [
      stage,
      {
        deals: 0,
        amount: new MoneyTotals(),
        entered: 0,
        exited: 0,
        forward: 0,
        stays: [] as number[],
        stalled: 0,
      },
    ]),
  );
  const stalled: StalledDeal[] = [];
  const totals = { open: 0, amount: new MoneyTotals(), won: 0, lost: 0, abandoned: 0 };
  for (const deal of current) {
    const row = byStage.get(deal.stage);
    if (row === undefined) continue;
    row.deals++;
    row.amount.add(deal.currency, deal.amount_minor);
    if (CLOSED.includes(deal.stage)) continue;
    totals.open++;
    totals.amount.add(deal.currency, deal.amount_minor);
    const inStage = now - Date.parse(deal.stage_since);
    if (inStage > stalledMs) {
      row.stalled++;
      stalled.push({
        opportunityId: deal.opportunity_id,
        stage: deal.stage,
        since: deal.stage_since,
        days: days(inStage) ?? 0,
        owner: deal.owner,
        amount: { amountMinor: deal.amount_minor, currency: deal.currency },
      });
    }
  }
  const pairs = new Map<string, { from: string; to: string; count: number }>();
  for (const move of moves) {
    const to = byStage.get(move.to_stage);
    if (to !== undefined) to.entered++;
    if (move.to_stage === 'won' || move.to_stage === 'lost' || move.to_stage === 'abandoned') {
      totals[move.to_stage]++;
    }
    if (move.from_stage === null) continue;
    const from = byStage.get(move.from_stage);
    if (from === undefined) continue;
    from.exited++;
    if (move.entered !== null) from.stays.push(Date.parse(move.at) - Date.parse(move.entered));
    const forward =
      !['lost', 'abandoned'].includes(move.to_stage) &&
      (order.get(move.to_stage) ?? -1) > (order.get(move.from_stage) ?? Infinity);
    if (forward) from.forward++;
    const key = `${move.from_stage}>${move.to_stage}`;
    const pair = pairs.get(key) ?? { from: move.from_stage, to: move.to_stage, count: 0 };
    pair.count++;
    pairs.set(key, pair);
  }
  return {
    stages: stages.map((stage) => {
      const row = byStage.get(stage)!;
      const stays = row.stays.sort((a, b) => a - b);
      return {
        stage,
        deals: row.deals,
        amount: row.amount.list(),
        entered: row.entered,
        exited: row.exited,
        conversion: ratio(row.forward, row.exited),
        timeInStage: {
          stays: stays.length,
          medianDays: days(percentile(stays, 50)),
          p90Days: days(percentile(stays, 90)),
        },
        stalled: row.stalled,
      };
    }),
    moves: [...pairs.values()]
      .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || b.count - a.count)
      .map((p) => ({ ...p, rate: ratio(p.count, byStage.get(p.from)?.exited ?? 0) })),
    stalled: stalled.sort((a, b) => b.days - a.days),
    totals: { ...totals, amount: totals.amount.list() },
  };
}
