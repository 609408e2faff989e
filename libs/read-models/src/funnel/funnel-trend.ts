import type { Money } from '@ltc/domain';
import type { OpenReadModel } from '@ltc/projections';
import type { DealFilter } from '../shared/deal-filter';
import type { FunnelTables } from './funnel.projection';
import { funnelReport } from './funnel.queries';

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

/** The step before `at` (a calendar month back for `month`). */
export function stepBack(at: string, every: TrendStep): string {
  const t = new Date(at);
  if (every === 'month') t.setUTCMonth(t.getUTCMonth() - 1);
  else t.setTime(t.getTime() - (every === 'week' ? 7 : 1) * DAY);
  return t.toISOString();
}

/** Instants `from`, `from + step`, … up to and including `to`; at most `max` of them (RangeError past it). */
export function trendInstants(from: string, to: string, every: TrendStep, max = 400): string[] {
  const start = new Date(from);
  const end = Date.parse(to);
  const instants: string[] = [];
  for (let i = 0; ; i++) {
    const t = new Date(start);
    if (every === 'month') t.setUTCMonth(t.getUTCMonth() + i);
    else t.setTime(start.getTime() + i * (every === 'week' ? 7 : 1) * DAY);
    if (t.getTime() > end) break;
    if (instants.length === max) throw new RangeError(`a trend has at most ${max} points`);
    instants.push(t.toISOString());
  }
  return instants;
}

/** One point of a funnel trend, from the funnel read model as it stood at `asOf`. */
export function funnelTrendPoint(
  model: OpenReadModel<FunnelTables>,
  query: Readonly<{ asOf: string; every: TrendStep; filter?: DealFilter }>,
): FunnelTrendPoint {
  const report = funnelReport(model, {
    ...(query.filter === undefined ? {} : { filter: query.filter }),
    period: { from: stepBack(query.asOf, query.every), to: query.asOf },
    now: query.asOf,
  });
  const { open, amount, won, lost, abandoned } = report.totals;
  return {
    asOf: query.asOf,
    open,
    amount,
    won,
    lost,
    abandoned,
    stages: report.stages.map(({ stage, deals, amount, entered, exited }) => ({
      stage,
      deals,
      amount,
      entered,
      exited,
    })),
  };
}
