import { minorDigits, type Money } from '@ltc/domain';
import type { KnownAt } from '@ltc/projections';
import { knownBy, type LoggedFact } from './known';

/** A rate table as the log holds it: 1 unit of each currency = `rates[currency]` units of `base`. */
export type RecordedRateTable = LoggedFact &
  Readonly<{ base: string; effectiveFrom: string; rates: Readonly<Record<string, string>>; note: string }>;

/** The table a forecast converts with, as its answer shows it. */
export type RatesShown = Readonly<{
  /** The id of the event that published the table. */
  tableId: string;
  base: string;
  effectiveFrom: string;
  rates: Readonly<Record<string, string>>;
}>;

/**
 * The table in force at business instant `at` as known at `knownAt`: of the tables the log held then,
 * the one with the latest effective day at or before `at` (its 00:00 UTC); a day published twice is the
 * later publication (a correction). Null when none is in force yet.
 */
export function rateTableInForce(
  tables: readonly RecordedRateTable[],
  at: string,
  knownAt?: KnownAt,
): RecordedRateTable | null {
  const day = at.slice(0, 10);
  let found: RecordedRateTable | null = null;
  for (const table of tables) {
    if (table.effectiveFrom > day || !knownBy(table, knownAt)) continue;
    if (
      found === null ||
      table.effectiveFrom > found.effectiveFrom ||
      (table.effectiveFrom === found.effectiveFrom && table.position > found.position)
    ) {
      found = table;
    }
  }
  return found;
}

export const ratesShown = (table: RecordedRateTable | null): RatesShown | null =>
  table === null
    ? null
    : { tableId: table.eventId, base: table.base, effectiveFrom: table.effectiveFrom, rates: table.rates };

/** A decimal string as an exact fraction: "0.9235" is 9235 / 10000. */
function fraction(rate: string): readonly [bigint, bigint] {
  const [whole = '0', decimals = ''] = rate.split('.');
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

/** `numerator / denominator` to the nearest integer, half away from zero. */
export function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

export type Conversion =
  Readonly<{ ok: true; amountMinor: number; rate: string }> | Readonly<{ ok: false; reason: string }>;

/**
 * `amount` in minor units of `to` at `table`: amount × rate(from) / rate(to) × 10^(digits(to) − digits(from)),
 * the rate of the base being 1, computed exactly (BigInt) and rounded ONCE to a whole minor unit, half
 * away from zero. USD 100.00 to EUR at 1 USD = 0.9235 EUR: 10000 × 0.9235 = 9235 cents; to GBP at
 * 1 GBP = 1.17 EUR: 10000 × 0.9235 / 1.17 = 7893.16… → 7893 pence. A currency the table has no rate for
 * (or no table) is `{ ok: false }`: the caller lists the deal, never drops it.
 */
export function convertMinor(amount: Money, to: string, table: RecordedRateTable | null): Conversion {
  if (amount.currency === to) return { ok: true, amountMinor: amount.amountMinor, rate: '1' };
  if (table === null) return { ok: false, reason: `no exchange rate table is in force` };
  const rateOf = (code: string): string | undefined => (code === table.base ? '1' : table.rates[code]);
  const from = rateOf(amount.currency);
  const into = rateOf(to);
  if (from === undefined || into === undefined) {
    const missing = from === undefined ? amount.currency : to;
    return {
      ok: false,
      reason: `the table of ${table.effectiveFrom} (${table.base}) has no rate for ${missing}`,
    };
  }
  const [fn, fd] = fraction(from);
  const [tn, td] = fraction(into);
  const shift = minorDigits(to) - minorDigits(amount.currency);
  const scale = 10n ** BigInt(Math.abs(shift));
  const numerator = BigInt(amount.amountMinor) * fn * td * (shift > 0 ? scale : 1n);
  const denominator = fd * tn * (shift < 0 ? scale : 1n);
  const rate = into === '1' ? `${from}` : from === '1' ? `1/${into}` : `${from}/${into}`;
  return { ok: true, amountMinor: Number(divideHalfAwayFromZero(numerator, denominator)), rate };
}
