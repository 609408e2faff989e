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
 * Learns from closed deals one at a time: a backtest adds each week's newly known closes to what it
 * learned before, instead of learning the whole past again every week. Abandoned deals count as not
 * won; a stage entered twice counts once. The history `at` returns is the learner's own state (the next
 * `add` changes it): read it before adding more.
 */
export class HistoryLearner {
  private readonly cells = new Map<string, Cell>();
  private readonly closeDays = new Map<string, number[]>([['', []]]);
  private readonly unsorted = new Set<string>();
  private learnedFrom = 0;

  constructor(readonly minDeals = 5) {}

  add(deal: ClosedDeal): void {
    const closedAt = Date.parse(deal.closedAt);
    this.learnedFrom += 1;
    const won = deal.outcome === 'won';
    const seen = new Set<string>();
    for (const { stage, enteredAt } of deal.stages) {
      if (seen.has(stage)) continue;
      seen.add(stage);
      this.tally(cellKey(stage, deal.segment), won);
      this.tally(cellKey(stage, null), won);
      if (!won) continue;
      const d = (closedAt - Date.parse(enteredAt)) / MS_PER_DAY;
      const list = this.closeDays.get(stage) ?? [];
      list.push(d);
      this.closeDays.set(stage, list);
      this.closeDays.get('')?.push(d);
      this.unsorted.add(stage).add('');
    }
  }

  /** What was learned from the deals added so far (all closed by `asOf`). */
  at(asOf: string): LearnedHistory {
    for (const stage of this.unsorted) this.closeDays.get(stage)?.sort((a, b) => a - b);
    this.unsorted.clear();
    const { minDeals, learnedFrom, cells, closeDays } = this;
    return { asOf, minDeals, learnedFrom, cells, closeDays };
  }

  private tally(key: string, won: boolean): void {
    const cell = this.cells.get(key) ?? { closed: 0, won: 0 };
    cell.closed += 1;
    if (won) cell.won += 1;
    this.cells.set(key, cell);
  }
}

/**
 * Learns only from deals closed at or before `asOf`: a deal closed later, however large, is not yet
 * history at `asOf`.
 */
export function learnHistory(closed: readonly ClosedDeal[], asOf: string, minDeals = 5): LearnedHistory {
  const until = Date.parse(asOf);
  const learner = new HistoryLearner(minDeals);
  for (const deal of closed) if (Date.parse(deal.closedAt) <= until) learner.add(deal);
  return learner.at(asOf);
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
  // `days` is sorted and each test below is monotone in it: counted by binary search, not by filtering
  // (a backtest asks this for every open deal at every week).
  const first = firstWhere(days, (d) => d >= elapsed);
  const later = days.length - first;
  const source = pooled ? 'past wins (all stages)' : `past wins from ${deal.stage}`;
  if (later === 0) {
    const now = Date.parse(history.asOf);
    const inside = now >= from && now < to;
    return { probability: inside ? 1 : 0, why: `no ${source} took this long: taken to close now` };
  }
  const start = Math.max(
    first,
    firstWhere(days, (d) => since + d * MS_PER_DAY >= from),
  );
  const end = Math.max(
    start,
    firstWhere(days, (d) => since + d * MS_PER_DAY >= to),
  );
  const inside = end - start;
  return {
    probability: inside / later,
    why: `closes in horizon in ${inside} of ${later} ${source}`,
  };
}

/** The first index of sorted `values` where `test` (false, then true) holds; `values.length` if none. */
function firstWhere(values: readonly number[], test: (value: number) => boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(values[middle] as number)) high = middle;
    else low = middle + 1;
  }
  return low;
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
