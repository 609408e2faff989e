import { given, october } from '../test/rates.fixtures';
import type { PublishExchangeRates } from './exchange-rates.commands';

const publish: PublishExchangeRates = {
  type: 'PublishExchangeRates',
  data: {
    base: 'EUR',
    effectiveFrom: '2026-10-01',
    // unsorted on purpose: the table is stored sorted by currency
    rates: [
      { currency: 'USD', rate: '0.9235' },
      { currency: 'GBP', rate: '1.17' },
      { currency: 'JPY', rate: '0.00625' },
    ],
  },
};

describe('exchange rates', () => {
  it('publishes a table, its rates sorted by currency', () => {
    const { state } = given([]).when(publish).then([october]);
    expect(state.context).toEqual({ base: 'EUR', tables: 1, lastEffectiveFrom: '2026-10-01' });
  });

  it('adds later tables (and corrections of a day) to the base stream', () => {
    const november = { ...publish, data: { ...publish.data, effectiveFrom: '2026-11-01' } };
    const { state } = given([october])
      .when(november)
      .then([{ ...october, data: { ...october.data, effectiveFrom: '2026-11-01' } }]);
    expect(state.context.tables).toBe(2);
  });

  it('refuses a table of another base on the stream', () => {
    given([october])
      .when({
        ...publish,
        data: { ...publish.data, base: 'USD', rates: [{ currency: 'EUR', rate: '1.08' }] },
      })
      .thenRefuses('sameBase');
  });

  it.each<[string, Partial<PublishExchangeRates['data']>]>([
    ['base', { base: 'EUX' }],
    ['effectiveFrom', { effectiveFrom: '2026-02-30' }],
    ['rates', { rates: [] }],
    ['rates[0].currency', { rates: [{ currency: 'XYZ', rate: '1' }] }],
    ['rates[0].currency', { rates: [{ currency: 'EUR', rate: '1' }] }],
    [
      'rates[1].currency',
      {
        rates: [
          { currency: 'USD', rate: '0.92' },
          { currency: 'USD', rate: '0.93' },
        ],
      },
    ],
    ['rates[0].rate', { rates: [{ currency: 'USD', rate: '0' }] }],
    ['rates[0].rate', { rates: [{ currency: 'USD', rate: '-0.92' }] }],
    ['rates[0].rate', { rates: [{ currency: 'USD', rate: '0.12345678901' }] }],
    ['rates[0].rate', { rates: [{ currency: 'USD', rate: 0.92 as unknown as string }] }],
  ])('refuses bad input, naming %s', (field, change) => {
    given([])
      .when({ ...publish, data: { ...publish.data, ...change } })
      .thenInvalid(field);
  });
});
