import type { Event } from '@ltc/domain';

// Stream `exchange-rates-<base>` (exchangeRatesStream of @ltc/domain): every rate table against one base.

/** One rate of a table: 1 unit of `currency` is `rate` units of the table's base (a decimal string). */
export type ExchangeRate = Readonly<{ currency: string; rate: string }>;

/**
 * A rate table in force from `effectiveFrom` (a day, 00:00 UTC) until a table with a later effective day;
 * a table published again for the same day replaces it (a correction). Rates are sorted by currency.
 */
export type ExchangeRatesPublished = Event<
  'ExchangeRatesPublished',
  { base: string; effectiveFrom: string; rates: readonly ExchangeRate[]; note: string }
>;

export type ExchangeRatesEvent = ExchangeRatesPublished;

export const EXCHANGE_RATES_EVENT_TYPES = [
  'ExchangeRatesPublished',
] as const satisfies readonly ExchangeRatesEvent['type'][];
