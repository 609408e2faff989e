import type { RecordedRateTable } from './rates';
import { convertMinor, divideHalfAwayFromZero, rateTableInForce } from './rates';

const table = (
  n: number,
  effectiveFrom: string,
  rates: Record<string, string>,
  recordedAt = `${effectiveFrom}T08:00:00.000Z`,
): RecordedRateTable => ({
  eventId: `t${n}`,
  position: String(n).padStart(20, '0'),
  occurredAt: recordedAt,
  recordedAt,
  base: 'EUR',
  effectiveFrom,
  rates,
  note: '',
});

const october = table(1, '2026-10-01', { USD: '0.9235', GBP: '1.17', JPY: '0.00625', KWD: '3.01' });
const november = table(2, '2026-11-01', { USD: '0.95' });
// a correction of October's table, published on 3 October
const octoberFixed = table(3, '2026-10-01', { USD: '0.925' }, '2026-10-03T08:00:00.000Z');
const tables = [october, november, octoberFixed];

describe('exchange rates in force', () => {
  it('takes the latest effective day at or before the instant, a corrected day its latest publication', () => {
    expect(rateTableInForce(tables, '2026-09-30T23:59:59.999Z')).toBeNull();
    expect(rateTableInForce(tables, '2026-10-01T00:00:00.000Z')?.eventId).toBe('t3');
    expect(rateTableInForce(tables, '2026-10-31T12:00:00.000Z')?.eventId).toBe('t3');
    expect(rateTableInForce(tables, '2026-11-01T00:00:00.000Z')?.eventId).toBe('t2');
  });

  it('as known before the correction was recorded, October is the first table', () => {
    expect(
      rateTableInForce(tables, '2026-10-02T12:00:00.000Z', { instant: '2026-10-02T12:00:00.000Z' })?.eventId,
    ).toBe('t1');
  });
});

describe('exact conversion, rounded once half away from zero', () => {
  it('USD to EUR: 1,234.57 × 0.9235 = 1,140.125395 → 1,140.13', () => {
    // 123457 cents × 9235 / 10000 = 114012.5395 cents → 114013
    expect(convertMinor({ amountMinor: 123_457, currency: 'USD' }, 'EUR', october)).toEqual({
      ok: true,
      amountMinor: 114_013,
      rate: '0.9235',
    });
  });

  it('rounds an exact half away from zero, both signs', () => {
    // 10 cents × 0.9235 = 9.235 → 9; 50 pence × 1.17 = 58.5 (an exact half) → 59; −50 → −59
    expect(convertMinor({ amountMinor: 10, currency: 'USD' }, 'EUR', october)).toMatchObject({
      amountMinor: 9,
    });
    expect(convertMinor({ amountMinor: 50, currency: 'GBP' }, 'EUR', october)).toMatchObject({
      amountMinor: 59,
    });
    expect(convertMinor({ amountMinor: -50, currency: 'GBP' }, 'EUR', october)).toMatchObject({
      amountMinor: -59,
    });
    expect([
      divideHalfAwayFromZero(5n, 2n),
      divideHalfAwayFromZero(-5n, 2n),
      divideHalfAwayFromZero(7n, 3n),
    ]).toEqual([3n, -3n, 2n]);
  });

  it('crosses through the base: USD 100.00 to GBP = 10000 × 0.9235 / 1.17 = 7893.16… → 7893 pence', () => {
    expect(convertMinor({ amountMinor: 10_000, currency: 'USD' }, 'GBP', october)).toEqual({
      ok: true,
      amountMinor: 7_893,
      rate: '0.9235/1.17',
    });
    // and from the base: EUR 100.00 to USD = 10000 / 0.9235 = 10828.37… → 10828 cents
    expect(convertMinor({ amountMinor: 10_000, currency: 'EUR' }, 'USD', october)).toMatchObject({
      amountMinor: 10_828,
    });
  });

  it('scales by the minor units: JPY has none, KWD three', () => {
    // JPY 1,000,000 (minor = major) × 0.00625 = EUR 6,250.00 = 625000 cents
    expect(convertMinor({ amountMinor: 1_000_000, currency: 'JPY' }, 'EUR', october)).toMatchObject({
      amountMinor: 625_000,
    });
    // KWD 1.234 (1234 fils) × 3.01 = EUR 3.71434 → 371 cents
    expect(convertMinor({ amountMinor: 1_234, currency: 'KWD' }, 'EUR', october)).toMatchObject({
      amountMinor: 371,
    });
    // EUR 10.00 to JPY: 1000 cents / 0.00625 / 100 = JPY 1600
    expect(convertMinor({ amountMinor: 1_000, currency: 'EUR' }, 'JPY', october)).toMatchObject({
      amountMinor: 1_600,
    });
  });

  it('names what is missing instead of converting: no table, or no rate for the currency', () => {
    expect(convertMinor({ amountMinor: 1, currency: 'USD' }, 'EUR', null)).toEqual({
      ok: false,
      reason: 'no exchange rate table is in force',
    });
    expect(convertMinor({ amountMinor: 1, currency: 'CNY' }, 'EUR', november)).toEqual({
      ok: false,
      reason: 'the table of 2026-11-01 (EUR) has no rate for CNY',
    });
    expect(convertMinor({ amountMinor: 7, currency: 'CNY' }, 'CNY', null)).toMatchObject({
      ok: true,
      amountMinor: 7,
    });
  });
});
