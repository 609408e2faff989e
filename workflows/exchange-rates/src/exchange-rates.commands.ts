import type { Command } from '@ltc/domain';
import type { ExchangeRate } from './exchange-rates.events';

/** Publishes a rate table against `base` from a day on; the stream is the base's. */
export type PublishExchangeRates = Command<
  'PublishExchangeRates',
  { base: string; effectiveFrom: string; rates: readonly ExchangeRate[]; note?: string | null }
>;

export type ExchangeRatesCommand = PublishExchangeRates;
