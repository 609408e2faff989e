import { MS_PER_DAY, percentile } from '../shared/statistics';
import type { ClosedDeal, OpenDeal, PipelineAt } from './pipeline';
import { contributionOf, totalsOf } from './weighted';
import type { ForecastHorizon, HistoricalForecast, HistoricalRate, TimeToClose } from './types';

type Segment = OpenDeal['segment'];
type Cell = { closed: number; won: number };

/** What the past taught: win rates per (stage, segment) and per stage, and days from stage entry to win. */
export type LearnedHistory = Readonly<{
  asOf: string;
  minDeals: number;
  learnedFrom: number;
  cells: ReadonlyMap<string, Cell>;
  /** Sorted days from entering each stage to the win; `''` holds every stage's samples (the pool). */
  closeDays: ReadonlyMap<string, readonly number[]>;
}>;

const cellKey = (stage: string, segment: Segment | null): string => `${stage}|${segment ?? ''}`;

/**
 * Learns only from deals closed at or before `asOf`: a deal closed later, however large, is not yet
 * history at `asOf`. Abandoned deals count as not won. A stage entered twice counts once.
 */
export function learnHistory(closed: readonly ClosedDeal[], asOf: string, minDeals = 5): LearnedHistory {
  const until = Date.parse(asOf);
  const cells = new Map<string, Cell>();
  const closeDays = new Map<string, number[]>([['', []]]);
  let learnedFrom = 0;
  const tally = (key: string, won: boolean) => {
    const cell = cells.get(key) ?? { closed: 0, won: 0 };
    cell.closed += 1;
    if (won) cell.won += 1;
    cells.set(key, cell);
  };
  for (const deal of closed) {
    const closedAt = Date.parse(deal.closedAt);
    if (closedAt > until) continue;
    learnedFrom += 1;
    const won = deal.outcome === 'won';
    const seen = new Set<string>();
    for (const { stage, enteredAt } of deal.stages) {
      if (seen.has(stage)) continue;
      seen.add(stage);
      tally(cellKey(stage, deal.segment), won);
      tally(cellKey(stage, null), won);
      if (!won) continue;
      const d = (closedAt - Date.parse(enteredAt)) / MS_PER_DAY;
      const list = closeDays.get(stage) ?? [];
      list.push(d);
      closeDays.set(stage, list);
      closeDays.get('')?.push(d);
    }
  }
  for (const list of closeDays.values()) list.sort((a, b) => a - b);
  return { asOf, minDeals, learnedFrom, cells, closeDays };
}

const rateText = (stage: string, segment: Segment | null, cell: Cell): string =>
  `${segment === null ? '' : `${segment} `}${stage}: ${cell.won} of ${cell.closed} won`;

/** P(win | stage, segment), or the stage's pooled rate when the cell holds fewer than `minDeals`. */
export function winRateOf(
  history: LearnedHistory,
  stage: string,
  segment: Segment,
): Readonly<{ probability: number; why: string }> {
  const cell = history.cells.get(cellKey(stage, segment));
  if (cell !== undefined && cell.closed >= history.minDeals) {
    return { probability: cell.won / cell.closed, why: rateText(stage, segment, cell) };
  }
  const pooled = history.cells.get(cellKey(stage, null));
  const thin = `${segment} ${stage}: ${cell?.closed ?? 0} closed < ${history.minDeals}`;
  if (pooled === undefined) return { probability: 0, why: `${thin}, nothing learned for the stage: 0` };
  return { probability: pooled.won / pooled.closed, why: `${thin}, pooled ${rateText(stage, null, pooled)}` };
}

/** The days-to-win samples of a stage, or the pool of all stages when it has fewer than `minDeals`. */
function samplesOf(
  history: LearnedHistory,
  stage: string,
): Readonly<{ days: readonly number[]; pooled: boolean }> {
  const own = history.closeDays.get(stage) ?? [];
  if (own.length >= history.minDeals) return { days: own, pooled: false };
  return { days: history.closeDays.get('') ?? [], pooled: true };
}

/**
 * P(the win lands in the horizon | won): over past wins from this stage that took at least as long as the
 * deal has already spent in it, the share whose close (stage entry + days) falls in `[from, to)`. With
 * no such sample the deal is taken to close at `asOf`.
 */
export function closesInHorizon(
  history: LearnedHistory,
  deal: OpenDeal,
  horizon: ForecastHorizon,
): Readonly<{ probability: number; why: string }> {
  const since = Date.parse(deal.stageSince);
  const elapsed = (Date.parse(history.asOf) - since) / MS_PER_DAY;
  const from = Date.parse(horizon.from);
  const to = Date.parse(horizon.to);
  const { days, pooled } = samplesOf(history, deal.stage);
  const later = days.filter((d) => d >= elapsed);
  const source = pooled ? 'past wins (all stages)' : `past wins from ${deal.stage}`;
  if (later.length === 0) {
    const now = Date.parse(history.asOf);
    const inside = now >= from && now < to;
    return { probability: inside ? 1 : 0, why: `no ${source} took this long: taken to close now` };
  }
  const inside = later.filter((d) => since + d * MS_PER_DAY >= from && since + d * MS_PER_DAY < to).length;
  return {
    probability: inside / later.length,
    why: `closes in horizon in ${inside} of ${later.length} ${source}`,
  };
}

/** Each open deal's odds: P(win) and P(in horizon | win), with the sentences that explain them. */
export type DealOdds = Readonly<{ deal: OpenDeal; win: number; inHorizon: number; why: string }>;

export function oddsOf(pipeline: PipelineAt, horizon: ForecastHorizon, history: LearnedHistory): DealOdds[] {
  return pipeline.open.map((deal) => {
    const win = winRateOf(history, deal.stage, deal.segment);
    const timing = closesInHorizon(history, deal, horizon);
    return { deal, win: win.probability, inHorizon: timing.probability, why: `${win.why}; ${timing.why}` };
  });
}

function ratesOf(history: LearnedHistory): HistoricalRate[] {
  return [...history.cells.entries()]
    .map(([key, cell]) => {
      const [stage = '', segment = ''] = key.split('|');
      return {
        stage,
        segment: segment === '' ? null : (segment as Segment),
        closed: cell.closed,
        won: cell.won,
        probability: cell.closed === 0 ? 0 : cell.won / cell.closed,
        thin: segment !== '' && cell.closed < history.minDeals,
      };
    })
    .sort((a, b) =>
      a.stage === b.stage ? (a.segment ?? '').localeCompare(b.segment ?? '') : a.stage.localeCompare(b.stage),
    );
}

function timeToCloseOf(history: LearnedHistory): TimeToClose[] {
  const stages = [...history.closeDays.keys()].filter((stage) => stage !== '').sort();
  return stages.map((stage) => {
    const { days, pooled } = samplesOf(history, stage);
    const q = (p: number) => Math.round((percentile(days, p) ?? 0) * 10) / 10;
    return { stage, samples: days.length, pooled, p10Days: q(10), p50Days: q(50), p90Days: q(90) };
  });
}

/**
 * Σ amount × P(win | stage, segment) × P(win lands in the horizon), both learned from the deals closed by
 * `asOf` only; every open deal counts (timing comes from history, not the rep's expected close date).
 */
export function historical(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  history: LearnedHistory = learnHistory(pipeline.closed, pipeline.asOf),
): HistoricalForecast {
  const contributions = oddsOf(pipeline, horizon, history).map((o) =>
    contributionOf(o.deal, o.win * o.inHorizon, o.why),
  );
  return {
    method: 'historical',
    ...totalsOf(pipeline, contributions),
    minDeals: history.minDeals,
    rates: ratesOf(history),
    timeToClose: timeToCloseOf(history),
    learnedFrom: history.learnedFrom,
    contributions,
  };
}
