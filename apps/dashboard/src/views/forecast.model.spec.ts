import type { Backtest, MethodForecast } from '../api/types';
import { errorsOverTime, fanPoints, nextQuarter, quarterOf } from './forecast.model';

const base = { alreadyWonMinor: 0, expectedOpenMinor: 0, contributions: [] };

describe('the forecast view model', () => {
  it('names the quarter of an instant in UTC and the one after it', () => {
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-Q1');
    expect(quarterOf(new Date('2026-06-30T12:00:00Z'))).toBe('2026-Q2');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(nextQuarter('2027-Q2')).toBe('2027-Q3');
    expect(() => nextQuarter('2026-11')).toThrow('not a quarter: 2026-11');
  });

  it('draws the band from P10 to P90 with the P50 and each method, in major units', () => {
    const methods: MethodForecast[] = [
      { ...base, method: 'stage-weighted', expectedMinor: 9_000_000, probabilities: {} },
      {
        ...base,
        method: 'monte-carlo',
        expectedMinor: 14_044_200,
        seed: 1,
        trials: 10_000,
        p10Minor: 9_000_000,
        p50Minor: 12_000_000,
        p90Minor: 21_000_000,
        meanMinor: 14_044_200,
      },
    ];
    // 9,000,000 cents = 90,000.00 EUR; 12,000,000 = 120,000.00; 21,000,000 = 210,000.00; 14,044,200 = 140,442.00
    expect(fanPoints([{ period: '2026-Q4', currency: 'EUR', methods }])).toEqual([
      {
        period: '2026-Q4',
        band: [90_000, 210_000],
        p50: 120_000,
        'stage-weighted': 90_000,
        'monte-carlo': 140_442,
      },
    ]);
    // yen has no minor units: 1,500 is 1,500 yen; without Monte Carlo there is no band
    expect(
      fanPoints([{ period: '2027-Q1', currency: 'JPY', methods: [{ ...methods[0]!, expectedMinor: 1500 }] }]),
    ).toEqual([{ period: '2027-Q1', band: null, p50: null, 'stage-weighted': 1500 }]);
  });

  it("gives each settled week's signed error against what was won, a gap where nothing was", () => {
    const row = (at: string, expectedMinor: number, wonMinor: number, settled = true) => ({
      at,
      horizon: { period: '2026-Q4', from: '', to: '' },
      forecasts: [
        { method: 'historical' as const, expectedMinor, p10Minor: null, p50Minor: null, p90Minor: null },
      ],
      calls: { rep: [], manager: [] },
      actual: { wonMinor, wonBeforeMinor: 0, openAtWMinor: 0, createdAfterWMinor: 0 },
      reconstructed: false,
      settled,
    });
    const backtest = {
      rows: [
        row('2026-10-05T00:00:00Z', 150, 100),
        row('2026-10-12T00:00:00Z', 80, 0),
        row('2026-12-01T00:00:00Z', 10, 100, false),
      ],
    };
    // (150 − 100) / 100 = +0.5; won 0: no percentage error; a quarter not ended: not scored
    expect(errorsOverTime(backtest as unknown as Backtest)).toEqual({
      sources: ['historical'],
      points: [
        { week: '2026-10-05', historical: 0.5 },
        { week: '2026-10-12', historical: null },
      ],
    });
  });
});
