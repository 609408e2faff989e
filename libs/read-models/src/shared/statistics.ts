import type { Money } from '@ltc/domain';

/**
 * The p-th percentile (0-100) with linear interpolation between closest ranks (Excel's PERCENTILE.INC,
 * R type 7): median of [1, 2, 3, 4] is 2.5; p90 of [1..10] is 9.1. Null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

export const MS_PER_DAY = 86_400_000;

/** Milliseconds as days, to the minute's precision (4 decimals). */
export function days(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / MS_PER_DAY) * 10_000) / 10_000;
}

/** Sums amounts per currency, never across currencies; sorted by currency code. */
export class MoneyTotals {
  private readonly totals = new Map<string, number>();

  add(currency: string, amountMinor: number): this {
    this.totals.set(currency, (this.totals.get(currency) ?? 0) + amountMinor);
    return this;
  }

  list(): Money[] {
    return [...this.totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, amountMinor]) => ({ amountMinor, currency }));
  }
}

/** A share as a fraction with 4 decimals, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
