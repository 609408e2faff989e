import { isKnownCurrency } from '@ltc/domain';
import {
  InvalidCommandError,
  LIMITS,
  defineWorkflow,
  optionalText,
  requireCalendarDate,
} from '@ltc/workflow-kit';
import type { ExchangeRatesCommand } from './exchange-rates.commands';
import type { ExchangeRate } from './exchange-rates.events';
import { exchangeRatesMachine, exchangeRatesRefusalTexts } from './exchange-rates.machine';

/** The rates workflow has no configuration; the type keeps its place beside the others'. */
export type ExchangeRatesPolicy = Readonly<Record<string, never>>;
export const defaultExchangeRatesPolicy: ExchangeRatesPolicy = {};

/** A rate: a positive decimal with at most 12 integer digits and 10 decimals ("0.9235", "161.2"). */
export const RATE_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,10})?$/;
/** At most this many rates in one table (every ISO-4217 code once). */
export const MAX_RATES = 200;

const currency = (command: string, field: string, value: unknown): string => {
  if (!isKnownCurrency(value)) {
    throw new InvalidCommandError(command, field, 'must be a known ISO-4217 code such as EUR');
  }
  return value;
};

function rates(command: string, base: string, value: unknown): ExchangeRate[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RATES) {
    throw new InvalidCommandError(command, 'rates', `must be a list of 1 to ${MAX_RATES} { currency, rate }`);
  }
  const seen = new Set<string>();
  const list = (value as unknown[]).map((raw, i) => {
    const at = `rates[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      throw new InvalidCommandError(command, at, 'must be { currency, rate }');
    }
    const r = raw as Record<string, unknown>;
    const code = currency(command, `${at}.currency`, r['currency']);
    if (code === base)
      throw new InvalidCommandError(command, `${at}.currency`, `is the base ${base}: its rate is 1`);
    if (seen.has(code))
      throw new InvalidCommandError(command, `${at}.currency`, `repeats ${code}: one rate per currency`);
    seen.add(code);
    const rate = r['rate'];
    if (typeof rate !== 'string' || !RATE_PATTERN.test(rate) || !/[1-9]/.test(rate)) {
      throw new InvalidCommandError(
        command,
        `${at}.rate`,
        'must be a positive decimal string with at most 12 integer digits and 10 decimals, e.g. "0.9235"',
      );
    }
    return { currency: code, rate };
  });
  return list.sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

/**
 * The rates decider: a table names its base and effective day, and at least one rate, each a known
 * currency other than the base, once, at a positive rate (1 unit of it = rate units of the base).
 */
export const exchangeRatesWorkflow = defineWorkflow<
  typeof exchangeRatesMachine,
  ExchangeRatesCommand,
  ExchangeRatesPolicy
>({
  name: 'exchange-rates',
  version: 1,
  machine: exchangeRatesMachine,
  refusalTexts: exchangeRatesRefusalTexts,
  commands: {
    PublishExchangeRates: {
      produces: 'ExchangeRatesPublished',
      build: ({ type, data }) => {
        const base = currency(type, 'base', data.base);
        return {
          type: 'ExchangeRatesPublished',
          data: {
            base,
            effectiveFrom: requireCalendarDate(type, 'effectiveFrom', data.effectiveFrom),
            rates: rates(type, base, data.rates),
            note: optionalText(type, 'note', data.note, LIMITS.prose),
          },
        };
      },
    },
  },
});
