import type { Money } from '@ltc/domain';
import type { OpenReadModel } from '@ltc/projections';
import { dealWhere, periodWhere, type DealFilter, type Period } from '../shared/deal-filter';
import { MoneyTotals, ratio } from '../shared/statistics';
import type { WinRateTables } from './win-rate.projection';

export const WIN_RATE_DIMENSIONS = [
  'rep',
  'role',
  'team',
  'segment',
  'customerType',
  'sizeBand',
  'period',
] as const;
export type WinRateDimension = (typeof WIN_RATE_DIMENSIONS)[number];

/** Deal-size bands on the amount in major units (currencies with two minor digits). */
export const SIZE_BANDS: readonly Readonly<{ band: string; belowMinor: number }>[] = [
  { band: 'under 100k', belowMinor: 100_000_00 },
  { band: '100k to 1M', belowMinor: 1_000_000_00 },
  { band: '1M to 10M', belowMinor: 10_000_000_00 },
  { band: '10M and over', belowMinor: Number.POSITIVE_INFINITY },
];

export function sizeBand(amountMinor: number): string {
  return (SIZE_BANDS.find((b) => amountMinor < b.belowMinor) ?? SIZE_BANDS[SIZE_BANDS.length - 1]!).band;
}

export type WinRateQuery = Readonly<{
  by: WinRateDimension;
  filter?: DealFilter;
  /** Deals that ended in this period. */
  period?: Period;
  periodUnit?: 'month' | 'quarter';
  /**
   * The team a user was in at a business instant, for `by: 'team'` (the caller knows the organisation:
   * `OrgTimeline.teamOf`): a deal counts for the owner's team when it closed.
   */
  teamOf?: (user: string, at: string) => string | undefined;
}>;

export type WinRateGroup = Readonly<{
  key: string;
  won: number;
  lost: number;
  /** Counted apart: an abandoned deal is neither won nor lost. */
  abandoned: number;
  /** won / (won + lost); null when nothing was decided. */
  winRate: number | null;
  wonAmount: readonly Money[];
  lostAmount: readonly Money[];
  abandonedAmount: readonly Money[];
}>;

export type WinRateReport = Readonly<{
  by: WinRateDimension;
  groups: readonly WinRateGroup[];
  total: WinRateGroup;
}>;

export type ClosedRow = Readonly<{
  opportunity_id: string;
  outcome: 'won' | 'lost' | 'abandoned';
  closed_at: string;
  owner: string;
  ar: string | null;
  sr: string | null;
  fr: string | null;
  segment: string;
  customer_type: string;
  currency: string;
  amount_minor: number;
  stage: string | null;
  reason: string | null;
  competitor: string | null;
}>;

export function closedDeals(
  model: OpenReadModel<WinRateTables>,
  filter: DealFilter = {},
  period?: Period,
): ClosedRow[] {
  const where = dealWhere(filter, '', { column: 'closed_at' });
  const when = periodWhere('closed_at', period);
  return model.db
    .prepare<unknown[], ClosedRow>(
      `SELECT * FROM ${model.t.closed} WHERE ${where.sql} AND ${when.sql} ORDER BY closed_at, opportunity_id`,
    )
    .all(...where.params, ...when.params);
}

class Tally {
  won = 0;
  lost = 0;
  abandoned = 0;
  readonly amounts = { won: new MoneyTotals(), lost: new MoneyTotals(), abandoned: new MoneyTotals() };

  add(row: ClosedRow): void {
    this[row.outcome]++;
    this.amounts[row.outcome].add(row.currency, row.amount_minor);
  }

  group(key: string): WinRateGroup {
    return {
      key,
      won: this.won,
      lost: this.lost,
      abandoned: this.abandoned,
      winRate: ratio(this.won, this.won + this.lost),
      wonAmount: this.amounts.won.list(),
      lostAmount: this.amounts.lost.list(),
      abandonedAmount: this.amounts.abandoned.list(),
    };
  }
}

function keysOf(row: ClosedRow, query: WinRateQuery): string[] {
  switch (query.by) {
    case 'rep':
      return [row.owner];
    case 'role':
      return (['ar', 'sr', 'fr'] as const)
        .filter((role) => row[role] !== null)
        .map((role) => `${role.toUpperCase()}:${row[role] ?? ''}`);
    case 'team':
      return [query.teamOf?.(row.owner, row.closed_at) ?? 'unknown'];
    case 'segment':
      return [row.segment];
    case 'customerType':
      return [row.customer_type];
    case 'sizeBand':
      return [sizeBand(row.amount_minor)];
    case 'period': {
      const month = row.closed_at.slice(0, 7);
      if (query.periodUnit !== 'quarter') return [month];
      return [`${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`];
    }
  }
}

/** Win rate, counts and amounts per value of one dimension, and in total. */
export function winRates(model: OpenReadModel<WinRateTables>, query: WinRateQuery): WinRateReport {
  const groups = new Map<string, Tally>();
  const total = new Tally();
  for (const row of closedDeals(model, query.filter, query.period)) {
    total.add(row);
    for (const key of keysOf(row, query)) {
      const tally = groups.get(key) ?? new Tally();
      tally.add(row);
      groups.set(key, tally);
    }
  }
  const order = query.by === 'sizeBand' ? SIZE_BANDS.map((b) => b.band) : undefined;
  return {
    by: query.by,
    groups: [...groups.entries()]
      .sort(([a], [b]) =>
        order !== undefined ? order.indexOf(a) - order.indexOf(b) : a < b ? -1 : a > b ? 1 : 0,
      )
      .map(([key, tally]) => tally.group(key)),
    total: total.group('all'),
  };
}

export type Ranked = Readonly<{ value: string; count: number; amount: readonly Money[] }>;

export type LossReport = Readonly<{
  lost: number;
  reasons: readonly Ranked[];
  /** Only losses that name a competitor: the counts may sum to less than `lost`. */
  competitors: readonly Ranked[];
  /** The stage each lost deal was in when it was lost. */
  stages: readonly Ranked[];
  abandoned: Readonly<{ count: number; reasons: readonly Ranked[]; stages: readonly Ranked[] }>;
}>;

/** Rows ranked by the value `pick` reads; a row without one (null or blank) is left out. */
function rank(rows: readonly ClosedRow[], pick: (row: ClosedRow) => string | null): Ranked[] {
  const map = new Map<string, { count: number; amount: MoneyTotals }>();
  for (const row of rows) {
    const value = pick(row) ?? '';
    if (value.trim() === '') continue;
    const entry = map.get(value) ?? { count: 0, amount: new MoneyTotals() };
    entry.count++;
    entry.amount.add(row.currency, row.amount_minor);
    map.set(value, entry);
  }
  return [...map.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, { count, amount }]) => ({ value, count, amount: amount.list() }));
}

/** Why deals were lost and to whom, most frequent first; abandoned deals apart. */
export function lossReport(
  model: OpenReadModel<WinRateTables>,
  filter: DealFilter = {},
  period?: Period,
): LossReport {
  const rows = closedDeals(model, filter, period);
  const lost = rows.filter((r) => r.outcome === 'lost');
  const abandoned = rows.filter((r) => r.outcome === 'abandoned');
  return {
    lost: lost.length,
    reasons: rank(lost, (r) => r.reason),
    competitors: rank(lost, (r) => r.competitor),
    stages: rank(lost, (r) => r.stage),
    abandoned: {
      count: abandoned.length,
      reasons: rank(abandoned, (r) => r.reason),
      stages: rank(abandoned, (r) => r.stage),
    },
  };
}
