import { InvalidValueError } from '@ltc/domain';
import { terms } from '../test/plan.fixtures';
import {
  applyRatios,
  bonusPool,
  comparePeriods,
  convertToPlan,
  nextPeriod,
  parsePeriodId,
  periodOf,
  periodRange,
  ratioOfBp,
  ratioOfRate,
  roundHalfAwayFromZero,
  splitByLargestRemainder,
  validatePlanTerms,
} from './incentive-plan.values';

const refusal = (run: () => unknown): { field: string; message: string } => {
  try {
    run();
  } catch (e) {
    if (e instanceof InvalidValueError) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected an InvalidValueError');
};
const withTerms = (change: (t: Record<string, unknown>) => void): unknown => {
  const t = structuredClone(terms()) as unknown as Record<string, unknown>;
  change(t);
  return t;
};

describe('period ids', () => {
  it('parses months and quarters and refuses anything else, naming the field', () => {
    expect(parsePeriodId('2026-11')).toEqual({ id: '2026-11', kind: 'month', year: 2026, index: 11 });
    expect(parsePeriodId('2026-Q4')).toEqual({ id: '2026-Q4', kind: 'quarter', year: 2026, index: 4 });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-1', '26-11', '2026-11-01', 2026, null]) {
      expect(refusal(() => parsePeriodId(bad)).field).toBe('period');
    }
    expect(refusal(() => parsePeriodId('x', 'effectiveFrom')).message).toMatch(
      /^effectiveFrom must be a period id/,
    );
  });

  it('places instants in UTC calendar periods', () => {
    expect(periodOf('month', '2026-11-30T23:59:59.999Z')).toBe('2026-11');
    expect(periodOf('month', '2026-12-01T00:00:00.000Z')).toBe('2026-12');
    // 00:30 on 1 Dec in Berlin (+01:00) is 23:30 on 30 Nov UTC
    expect(periodOf('month', '2026-12-01T00:30:00+01:00')).toBe('2026-11');
    expect(periodOf('quarter', '2026-03-31T12:00:00Z')).toBe('2026-Q1');
    expect(periodOf('quarter', '2026-04-01T00:00:00Z')).toBe('2026-Q2');
    expect(periodOf('month', '2026-02-10')).toBe('2026-02');
    expect(refusal(() => periodOf('month', 'yesterday')).field).toBe('instant');
  });

  it('gives each period its [from, to) range and the next period, across year ends', () => {
    expect(periodRange('2026-11')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(periodRange('2026-12')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(periodRange('2026-Q4')).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(periodRange('2026-Q1')).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(nextPeriod('2026-11')).toBe('2026-12');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2026-Q3')).toBe('2026-Q4');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    // every instant of a period maps back to it, and `to` of one is `from` of the next
    expect(periodOf('month', periodRange('2026-12').from)).toBe('2026-12');
    expect(periodRange(nextPeriod('2026-12')).from).toBe(periodRange('2026-12').to);
  });

  it('orders periods by start, then end', () => {
    const sorted = ['2027-01', '2026-Q4', '2026-10', '2026-02', '2026-11'].sort(comparePeriods);
    expect(sorted).toEqual(['2026-02', '2026-10', '2026-Q4', '2026-11', '2027-01']);
    expect(comparePeriods('2026-11', '2026-11')).toBe(0);
  });
});

describe('validatePlanTerms', () => {
  it('returns good terms clean', () => {
    expect(validatePlanTerms(terms())).toEqual(terms());
    expect(validatePlanTerms({ ...terms(), extra: 1 })).toEqual(terms());
  });

  it.each<[string, (t: Record<string, unknown>) => void, string, RegExp]>([
    [
      'a split not summing to 100 %',
      (t) => (t['split'] = { AR: 5000, SR: 3000, FR: 1000 }),
      'terms.split',
      /AR 5000 \+ SR 3000 \+ FR 1000 = 9000/,
    ],
    [
      'a negative split share',
      (t) => (t['split'] = { AR: 11000, SR: -1000, FR: 0 }),
      'terms.split.SR',
      /must not be negative/,
    ],
    [
      'a negative pool rate',
      (t) => ((t['pool'] as Record<string, unknown>)['signedRateBp'] = -1),
      'terms.pool.signedRateBp',
      /must not be negative/,
    ],
    [
      'a fractional multiplier',
      (t) => ((t['pool'] as Record<string, unknown>)['strategicMultiplierBp'] = 1.5),
      'terms.pool.strategicMultiplierBp',
      /whole number/,
    ],
    ['a bad plan currency', (t) => (t['currency'] = 'eur'), 'terms.currency', /ISO-4217/],
    ['a bad rate currency', (t) => (t['fxRates'] = { US: '1' }), 'terms.fxRates.US', /ISO-4217/],
    ['a zero fx rate', (t) => (t['fxRates'] = { USD: '0.000' }), 'terms.fxRates.USD', /positive decimal/],
    ['a float fx rate', (t) => (t['fxRates'] = { USD: 0.92 }), 'terms.fxRates.USD', /decimal string/],
    [
      'seven decimals',
      (t) => (t['fxRates'] = { USD: '0.9200001' }),
      'terms.fxRates.USD',
      /at most 6 decimals/,
    ],
    [
      'the plan currency at another rate',
      (t) => (t['fxRates'] = { EUR: '1.1' }),
      'terms.fxRates.EUR',
      /rate is 1/,
    ],
    ['no participants', (t) => (t['participants'] = []), 'terms.participants', /non-empty/],
    ['a participant twice', (t) => (t['participants'] = ['ana', 'ana']), 'terms.participants', /once/],
    [
      'a negative clawback window',
      (t) => ((t['clawback'] as Record<string, unknown>)['terminationWindowDays'] = -1),
      'terms.clawback.terminationWindowDays',
      /from 0/,
    ],
    ['a bad period kind', (t) => (t['periodKind'] = 'week'), 'terms.periodKind', /month, quarter/],
    [
      'no tiers',
      (t) => ((t['attainment'] as Record<string, unknown>)['tiers'] = []),
      'terms.attainment.tiers',
      /non-empty/,
    ],
  ])('refuses %s, naming the field', (_what, change, field, reason) => {
    const r = refusal(() => validatePlanTerms(withTerms(change)));
    expect(r.field).toBe(field);
    expect(r.message).toMatch(reason);
  });

  const tiersOf = (tiers: unknown): unknown =>
    withTerms((t) => ((t['attainment'] as Record<string, unknown>)['tiers'] = tiers));
  it.each<[string, unknown, string, RegExp]>([
    [
      'not starting at 0',
      [{ fromBp: 100, toBp: null, rateBp: 1 }],
      'terms.attainment.tiers[0].fromBp',
      /must be 0/,
    ],
    [
      'overlapping',
      [
        { fromBp: 0, toBp: 6000, rateBp: 1 },
        { fromBp: 5000, toBp: null, rateBp: 2 },
      ],
      'terms.attainment.tiers[1].fromBp',
      /overlaps/,
    ],
    [
      'with a gap',
      [
        { fromBp: 0, toBp: 5000, rateBp: 1 },
        { fromBp: 6000, toBp: null, rateBp: 2 },
      ],
      'terms.attainment.tiers[1].fromBp',
      /gap/,
    ],
    [
      'unordered (a band ending before it starts)',
      [
        { fromBp: 0, toBp: 8000, rateBp: 1 },
        { fromBp: 8000, toBp: 4000, rateBp: 2 },
        { fromBp: 4000, toBp: null, rateBp: 3 },
      ],
      'terms.attainment.tiers[1].toBp',
      /above fromBp 8000/,
    ],
    [
      'with the last band closed',
      [{ fromBp: 0, toBp: 5000, rateBp: 1 }],
      'terms.attainment.tiers[0].toBp',
      /last band is open/,
    ],
    [
      'with a negative rate',
      [{ fromBp: 0, toBp: null, rateBp: -5 }],
      'terms.attainment.tiers[0].rateBp',
      /negative/,
    ],
  ])('refuses tiers %s', (_what, tiers, field, reason) => {
    const r = refusal(() => validatePlanTerms(tiersOf(tiers)));
    expect(r.field).toBe(field);
    expect(r.message).toMatch(reason);
  });
});

describe('exact amounts', () => {
  it('rounds half away from zero', () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n); // 2.5 -> 3
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n); // -2.5 -> -3
    expect(roundHalfAwayFromZero(249n, 100n)).toBe(2n); // 2.49 -> 2
    expect(roundHalfAwayFromZero(-249n, 100n)).toBe(-2n);
    expect(roundHalfAwayFromZero(0n, 7n)).toBe(0n);
  });

  it('reads decimal rates exactly', () => {
    expect(ratioOfRate('1.085')).toEqual({ num: 1085n, den: 1000n });
    expect(ratioOfRate('7')).toEqual({ num: 7n, den: 1n });
    expect(ratioOfBp(150)).toEqual({ num: 150n, den: 10000n });
  });

  it('converts at the plan rate, rounding once; a currency without a rate is reported, not dropped', () => {
    const t = terms();
    // USD 1,234.57 at 0.92: 123457 x 0.92 = 113580.44 -> 113580 cents (EUR 1,135.80)
    expect(convertToPlan(123457, 'USD', t)).toEqual({ ok: true, amountMinor: 113580, rate: '0.92' });
    // CNY 10.05 at 0.128: 1005 x 0.128 = 128.64 -> 129 cents
    expect(convertToPlan(1005, 'CNY', t)).toEqual({ ok: true, amountMinor: 129, rate: '0.128' });
    // a refund of CNY 10.05: -128.64 -> -129 (the mirror: half away from zero)
    expect(convertToPlan(-1005, 'CNY', t)).toEqual({ ok: true, amountMinor: -129, rate: '0.128' });
    expect(convertToPlan(5000, 'EUR', t)).toEqual({ ok: true, amountMinor: 5000, rate: '1' });
    expect(convertToPlan(5000, 'GBP', t)).toEqual({
      ok: false,
      currency: 'GBP',
      reason: 'the plan "Sales 2026" has no GBP rate to EUR',
    });
  });

  it('computes the pool exactly and rounds it once (no rounding of the converted amount first)', () => {
    const t = terms({ fxRates: { USD: '1.085' } });
    // USD 10,000.05 signed by a strategic new customer: 1000005 x 1.085 x 1 % x 1.5 x 1.2
    //   = 1000005 x 1.085 = 1085005.425; x 0.01 = 10850.05425; x 1.5 = 16275.081375; x 1.2 = 19530.09765
    //   -> 19530 cents (EUR 195.30)
    expect(bonusPool(1000005, 'USD', 100, [15000, 12000], t)).toEqual({
      ok: true,
      amountMinor: 19530,
      rate: '1.085',
    });
    // rounding the converted amount first would give 1085005 x 0.018 = 19530.09 -> same here, but:
    // EUR 0.25 at 2 %: 25 x 0.02 = 0.5 -> 1 cent (half away from zero), while 2 roundings of 0.25 x 0.5 x 2 differ
    expect(applyRatios(25, [ratioOfBp(200)])).toBe(1);
    // USD 0.50 at 1.085 x 1 %: 50 x 1.085 = 54.25 x 0.01 = 0.5425 -> 1; converting first: 54 x 0.01 = 0.54 -> 1
    // USD 0.46 at 1.085 x 1 %: 46 x 1.085 = 49.91 x 0.01 = 0.4991 -> 0; converting first: 50 x 0.01 = 0.5 -> 1
    expect(bonusPool(46, 'USD', 100, [], t)).toEqual({ ok: true, amountMinor: 0, rate: '1.085' });
    expect(bonusPool(46, 'GBP', 100, [], t)).toMatchObject({ ok: false, currency: 'GBP' });
  });

  it('splits a pool of 100.01 by 50/30/20 into shares summing to 100.01 (largest remainder)', () => {
    // exact shares of 10001 cents: AR 5000.5, SR 3000.3, FR 2000.2
    // floors 5000 + 3000 + 2000 = 10000: 1 cent left; largest remainder .5 (AR) takes it
    const shares = splitByLargestRemainder(10001, { AR: 5000, SR: 3000, FR: 2000 });
    expect(shares).toEqual({ AR: 5001, SR: 3000, FR: 2000 });
    expect(shares.AR + shares.SR + shares.FR).toBe(10001);
  });

  it('gives leftover cents to the largest remainders, ties in AR, SR, FR order, negatives as mirrors', () => {
    // 1 cent by 1/3 each: exact .3333 each, floors 0; 1 left -> AR (tie, first in order)
    expect(splitByLargestRemainder(1, { AR: 3334, SR: 3333, FR: 3333 })).toEqual({ AR: 1, SR: 0, FR: 0 });
    // 2 cents 3334/3333/3333: exact .6668, .6666, .6666: floors 0; 2 left -> AR (.6668), then SR (tie with FR)
    expect(splitByLargestRemainder(2, { AR: 3334, SR: 3333, FR: 3333 })).toEqual({ AR: 1, SR: 1, FR: 0 });
    // 99 cents 10/45/45 %: exact 9.9, 44.55, 44.55: floors 9 + 44 + 44 = 97; 2 left -> AR (.9), SR (.55, tie first)
    expect(splitByLargestRemainder(99, { AR: 1000, SR: 4500, FR: 4500 })).toEqual({ AR: 10, SR: 45, FR: 44 });
    // a clawback of the same pool takes back exactly what was paid
    expect(splitByLargestRemainder(-10001, { AR: 5000, SR: 3000, FR: 2000 })).toEqual({
      AR: -5001,
      SR: -3000,
      FR: -2000,
    });
    expect(splitByLargestRemainder(0, { AR: 5000, SR: 3000, FR: 2000 })).toEqual({ AR: 0, SR: 0, FR: 0 });
  });

  it('always sums to the pool, each share within a cent of its exact part (every pool -1000..1000 cents, 66 splits)', () => {
    const splits: { AR: number; SR: number; FR: number }[] = [];
    for (let lo = 0; lo <= 10000; lo += 1000) {
      for (let hi = lo; hi <= 10000; hi += 1000) splits.push({ AR: lo, SR: hi - lo, FR: 10000 - hi });
    }
    expect(splits).toHaveLength(66);
    const pools = [...Array.from({ length: 2001 }, (_, i) => i - 1000), 999_999_999_999, -123_456_789_013];
    let checked = 0;
    const wrong: string[] = [];
    for (const split of [...splits, { AR: 3334, SR: 3333, FR: 3333 }, { AR: 1, SR: 1, FR: 9998 }]) {
      for (const pool of pools) {
        const s = splitByLargestRemainder(pool, split);
        const offBy = (role: 'AR' | 'SR' | 'FR'): number => Math.abs(s[role] * 10000 - pool * split[role]);
        if (
          s.AR + s.SR + s.FR !== pool ||
          offBy('AR') >= 10000 ||
          offBy('SR') >= 10000 ||
          offBy('FR') >= 10000
        ) {
          wrong.push(`${pool} by ${JSON.stringify(split)}: ${JSON.stringify(s)}`);
        }
        checked += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(68 * 2003);
  });
});
