import { daysSince, formatDate, formatDays, formatRate } from './dates';
import { formatAmounts, formatMoney, formatReporting, minorToDecimal, parseMajor } from './money';
import { stageName, words } from './words';

describe('money from integer minor units', () => {
  it('formats cents exactly in the locale, with the currency', () => {
    // 12,000,000 cents = 120,000.00 euro; 5 cents = 0.05; -123,456 cents = -1,234.56.
    expect(formatMoney({ amountMinor: 12_000_000, currency: 'EUR' }, 'en-US')).toBe('€120,000.00');
    expect(formatMoney({ amountMinor: 5, currency: 'EUR' }, 'en-US')).toBe('€0.05');
    expect(formatMoney({ amountMinor: -123_456, currency: 'USD' }, 'en-US')).toBe('-$1,234.56');
    expect(formatMoney({ amountMinor: 12_000_000, currency: 'EUR' }, 'de-DE')).toBe('120.000,00\u00a0€');
  });

  it('knows currencies without minor units (yen: the amount is whole yen)', () => {
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
  });

  it('keeps amounts past 2^53 / 100 exact (no float division)', () => {
    expect(minorToDecimal(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: 'EUR' }, 'en-US')).toBe(
      '€90,071,992,547,409.91',
    );
  });

  it('lists several currencies, largest amount first; none is a dash', () => {
    const amounts = [
      { amountMinor: 5_000_000, currency: 'USD' },
      { amountMinor: 22_500_000, currency: 'EUR' },
    ];
    expect(formatAmounts(amounts, 'en-US')).toBe('€225,000.00 · $50,000.00');
    expect(formatAmounts([], 'en-US')).toBe('—');
  });

  it('shows a reporting-currency amount with what no rate converted beside it, never added in', () => {
    const converted = { currency: 'EUR', amountMinor: 10_114_013, withoutRate: [] };
    expect(formatReporting(converted, 'en-US')).toBe('€101,140.13');
    const gbp = { currency: 'GBP', amountMinor: 50_000, reason: 'no rate' };
    expect(formatReporting({ ...converted, withoutRate: [gbp] }, 'en-US')).toBe(
      '€101,140.13 + £500.00 without a rate',
    );
  });

  it('parses what a user types in major units into minor units, or says why not', () => {
    expect(parseMajor('1,200.50', 'EUR')).toEqual({ amountMinor: 120_050 });
    expect(parseMajor('1200.5', 'EUR')).toEqual({ amountMinor: 120_050 });
    expect(parseMajor('-20000', 'EUR')).toEqual({ amountMinor: -2_000_000 });
    expect(parseMajor('1500', 'JPY')).toEqual({ amountMinor: 1500 });
    expect(parseMajor('1.999', 'EUR')).toEqual({ error: 'at most 2 decimals' });
    expect(parseMajor('15.5', 'JPY')).toEqual({ error: 'JPY has no minor units' });
    expect(parseMajor('abc', 'EUR')).toEqual({ error: 'enter an amount such as 1200.50' });
  });
});

describe('dates, rates and days', () => {
  it('shows a day as that day in every time zone, an instant in the locale', () => {
    expect(formatDate('2027-03-31', 'en-US')).toBe('Mar 31, 2027');
    expect(formatDate('2027-03-31', 'de-DE')).toBe('31.03.2027');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('2026-12-02T20:05:34.666Z', 'en-US')).toMatch(
      /^Dec [23], 2026, \d{1,2}:\d{2}\s?[AP]M$/,
    );
  });

  it('counts whole days since the last touch', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(daysSince('2026-11-29T13:00:00Z', now)).toBe(2); // 2 days 23 hours
    expect(daysSince('2026-11-29T12:00:00Z', now)).toBe(3);
    expect(daysSince('2026-12-03T00:00:00Z', now)).toBe(0);
  });

  it('shows rates as percentages and no rate as a dash', () => {
    expect(formatRate(0.3333, 'en-US')).toBe('33%');
    expect(formatRate(1, 'en-US')).toBe('100%');
    expect(formatRate(null, 'en-US')).toBe('—');
    expect(formatDays(3.25, 'en-US')).toBe('3.3 d');
    expect(formatDays(null, 'en-US')).toBe('—');
  });
});

describe('names in words', () => {
  it('turns machine states into stage names', () => {
    expect(stageName('open.bidSubmitted')).toBe('Bid submitted');
    expect(stageName('open.opportunityApproval')).toBe('Opportunity approval');
    expect(stageName('open.preBidGuidance')).toBe('Pre-bid guidance');
    expect(stageName('executing.inDelivery')).toBe('In delivery');
    expect(stageName('won')).toBe('Won');
  });

  it('turns command and field names into words', () => {
    expect(words('CastGateVote')).toBe('Cast gate vote');
    expect(words('amountMinor')).toBe('Amount minor');
    expect(words('poNumber')).toBe('PO number');
    expect(words('customerType')).toBe('Customer type');
  });
});
