import type { Money } from '@ltc/domain';
import type { RecordedRateTable } from '../forecasts/rates';
import { reportFunnelIn, reportTrendPointIn } from './funnel-currency';
import type { FunnelTrendPoint } from './funnel-trend';
import type { FunnelReport, StageRow } from './funnel.queries';

const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });
const table: RecordedRateTable = {
  eventId: 'rates-oct',
  position: '00000000000000000001',
  occurredAt: '2026-10-01T08:00:00.000Z',
  recordedAt: '2026-10-01T08:00:00.000Z',
  base: 'EUR',
  effectiveFrom: '2026-10-01',
  rates: { USD: '0.9235' },
  note: 'ECB',
};
const row = (stage: string, deals: number, amount: Money[]): StageRow => ({
  stage,
  deals,
  amount,
  entered: 0,
  exited: 0,
  conversion: null,
  timeInStage: { stays: 0, medianDays: null, p90Days: null },
  stalled: 0,
});
// Two open stages in three currencies (GBP has no rate in the table) and one won deal.
const report: FunnelReport = {
  stages: [
    row('open.bidSubmitted', 2, [money(10_010, 'USD'), money(50_000, 'GBP')]),
    row('open.negotiation', 2, [money(10_000_000, 'EUR'), money(123_457, 'USD')]),
    row('won', 1, [money(5_000_000, 'EUR')]),
  ],
  moves: [],
  stalled: [],
  totals: {
    open: 4,
    amount: [money(10_000_000, 'EUR'), money(50_000, 'GBP'), money(133_467, 'USD')],
    won: 1,
    lost: 0,
    abandoned: 0,
  },
};

describe('the funnel in a reporting currency', () => {
  it('converts each stage per currency once, lists a currency without a rate, totals the open stages', () => {
    const eur = reportFunnelIn(report, { currency: 'EUR', table });
    expect(eur.currency).toBe('EUR');
    expect(eur.rates).toEqual({
      tableId: 'rates-oct',
      base: 'EUR',
      effectiveFrom: '2026-10-01',
      rates: { USD: '0.9235' },
    });
    const [bid, negotiation, won] = eur.stages;
    // USD 100.10 x 0.9235 = EUR 92.44235 -> 9,244 cents; GBP 500.00 has no rate: listed, not summed.
    expect(bid?.reporting).toEqual({
      currency: 'EUR',
      amountMinor: 9_244,
      converted: [{ currency: 'USD', amountMinor: 10_010, reportingMinor: 9_244, rate: '0.9235' }],
      withoutRate: [
        { currency: 'GBP', amountMinor: 50_000, reason: 'the table of 2026-10-01 (EUR) has no rate for GBP' },
      ],
    });
    // EUR 100,000.00 + USD 1,234.57 x 0.9235 (= 1,140.125395 -> 114,013 cents) = 10,114,013.
    expect(negotiation?.reporting.amountMinor).toBe(10_114_013);
    expect(won?.reporting.amountMinor).toBe(5_000_000);
    // Open: 9,244 + 10,114,013 = 10,123,257 (the won stage is not open); per currency the stages' sums.
    expect(eur.totals.reporting).toEqual({
      currency: 'EUR',
      amountMinor: 10_123_257,
      converted: [
        { currency: 'EUR', amountMinor: 10_000_000, reportingMinor: 10_000_000, rate: '1' },
        { currency: 'USD', amountMinor: 133_467, reportingMinor: 123_257, rate: '0.9235' },
      ],
      withoutRate: [
        { currency: 'GBP', amountMinor: 50_000, reason: 'the table of 2026-10-01 (EUR) has no rate for GBP' },
      ],
    });
    // Every field of the funnel is kept as it was.
    expect(eur.totals).toMatchObject(report.totals);
    expect(eur.stages.map(({ reporting: _r, ...rest }) => rest)).toEqual(report.stages);
  });

  it('into the currency of a rate: EUR 100,000.00 / 0.9235 = USD 108,283.70', () => {
    const usd = reportFunnelIn(report, { currency: 'USD', table });
    // 10,000,000 / 0.9235 = 10,828,370.33… cents -> 10,828,370; USD 1,234.57 stays 123,457.
    expect(usd.stages[1]?.reporting).toMatchObject({
      amountMinor: 10_951_827,
      converted: [
        { currency: 'EUR', reportingMinor: 10_828_370, rate: '1/0.9235' },
        { currency: 'USD', reportingMinor: 123_457, rate: '1' },
      ],
    });
  });

  it('without a table, only the reporting currency itself counts; the rest is listed', () => {
    const none = reportFunnelIn(report, { currency: 'EUR', table: null });
    expect(none.rates).toBeNull();
    expect(none.totals.reporting).toMatchObject({
      amountMinor: 10_000_000,
      withoutRate: [
        { currency: 'GBP', amountMinor: 50_000, reason: 'no exchange rate table is in force' },
        { currency: 'USD', amountMinor: 133_467, reason: 'no exchange rate table is in force' },
      ],
    });
  });

  it('a trend point the same way, naming the table in force at it', () => {
    const point: FunnelTrendPoint = {
      asOf: '2026-10-05T00:00:00.000Z',
      open: 4,
      amount: report.totals.amount,
      won: 0,
      lost: 0,
      abandoned: 0,
      stages: report.stages.map(({ stage, deals, amount }) => ({
        stage,
        deals,
        amount,
        entered: 0,
        exited: 0,
      })),
    };
    const reported = reportTrendPointIn(point, { currency: 'EUR', table });
    expect(reported).toMatchObject({ rateTableId: 'rates-oct', amount: point.amount, open: 4 });
    expect(reported.reporting.amountMinor).toBe(10_123_257);
    expect(reported.stages.map((s) => s.reporting.amountMinor)).toEqual([9_244, 10_114_013, 5_000_000]);
  });
});
