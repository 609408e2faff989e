import { assign, setup } from 'xstate';
import type { ExchangeRatesEvent } from './exchange-rates.events';

/** A base currency's rate tables: how many were published and the last effective day. */
export type ExchangeRatesContext = Readonly<{
  base: string | null;
  tables: number;
  lastEffectiveFrom: string | null;
}>;

export const emptyExchangeRatesContext: ExchangeRatesContext = {
  base: null,
  tables: 0,
  lastEffectiveFrom: null,
};

type Args = Readonly<{ context: ExchangeRatesContext; event: ExchangeRatesEvent }>;

/** Pure guards of the rates machine, by name; their texts are `exchangeRatesRefusalTexts`. */
export const exchangeRatesGuards = {
  sameBase: ({ context, event }: Args): boolean => context.base === null || context.base === event.data.base,
} as const;

export const exchangeRatesRefusalTexts: Readonly<Record<string, string>> = {
  sameBase: "a base currency's stream holds tables against that base only",
};

/** Rate tables against one base: the first opens the stream, each later one adds a table. */
export const exchangeRatesMachine = setup({
  types: { context: {} as ExchangeRatesContext, events: {} as ExchangeRatesEvent },
  guards: exchangeRatesGuards,
  actions: {
    publish: assign(({ context, event }: Args) => ({
      base: event.data.base,
      tables: context.tables + 1,
      lastEffectiveFrom: event.data.effectiveFrom,
    })),
  },
}).createMachine({
  id: 'exchange-rates',
  context: emptyExchangeRatesContext,
  initial: 'none',
  states: {
    none: { on: { ExchangeRatesPublished: { target: 'published', actions: 'publish' } } },
    published: { on: { ExchangeRatesPublished: { guard: 'sameBase', actions: 'publish' } } },
  },
});
