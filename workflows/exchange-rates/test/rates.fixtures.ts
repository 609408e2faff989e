import { deciderSpec } from '@ltc/workflow-kit';
import type { ExchangeRatesPublished } from '../src/exchange-rates.events';
import { defaultExchangeRatesPolicy, exchangeRatesWorkflow } from '../src/exchange-rates.workflow';

export const given = deciderSpec(exchangeRatesWorkflow, {
  at: '2026-10-01T09:00:00.000Z',
  actor: 'olga',
  policy: defaultExchangeRatesPolicy,
});

/** EUR-based table from 1 Oct 2026: 1 GBP = 1.17 EUR, 1 JPY = 0.00625 EUR, 1 USD = 0.9235 EUR. */
export const october: ExchangeRatesPublished = {
  type: 'ExchangeRatesPublished',
  data: {
    base: 'EUR',
    effectiveFrom: '2026-10-01',
    rates: [
      { currency: 'GBP', rate: '1.17' },
      { currency: 'JPY', rate: '0.00625' },
      { currency: 'USD', rate: '0.9235' },
    ],
    note: '',
  },
};
