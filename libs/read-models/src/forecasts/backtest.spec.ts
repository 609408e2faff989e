import {
  accuracyOf,
  backtestReport,
  calibrationOf,
  round4,
  type BacktestWeek,
  type WonDeal,
} from './backtest';
import { backtestPlan, BacktestInputError, MAX_BACKTEST_WEEKS } from './backtest.queries';
import { ForecastMethodError } from './forecast';
import { horizonOf } from './horizon';
import type { BacktestForecast, ForecastCallInForce, ForecastMethod } from './types';

const forecasts = (expected: Partial<Record<ForecastMethod, number>>): BacktestForecast[] =>
  Object.entries(expected).map(([method, expectedMinor]) => ({
    method: method as ForecastMethod,
    expectedMinor,
    p10Minor: null,
    p50Minor: null,
    p90Minor: null,
  }));

const call = (by: string, commitMinor: number): ForecastCallInForce => ({
  callId: `call-${by}`,
  by,
  scope: 'own',
  personId: by,
  team: null,
  period: '2026-10',
  currency: 'EUR',
  commitMinor,
  bestCaseMinor: commitMinor,
  note: '',
  occurredAt: '2026-10-01T00:00:00.000Z',
  recordedAt: '2026-10-01T00:00:00.000Z',
});

const week = (
  at: string,
  period: string,
  expected: Partial<Record<ForecastMethod, number>>,
  historical: Record<string, number> = {},
  rep: ForecastCallInForce[] = [],
): BacktestWeek => ({
  at,
  horizon: horizonOf(period),
  reconstructed: false,
  forecasts: forecasts(expected),
  predictions: new Map([
    ['historical', Object.entries(historical).map(([dealId, probability]) => ({ dealId, probability }))],
  ]),
  calls: { rep, manager: [] },
});

const won = (
  dealId: string,
  openedAt: string,
  closedAt: string,
  wonMinor: number,
  inScope = true,
): WonDeal => ({
  dealId,
  openedAt: `${openedAt}T00:00:00.000Z`,
  closedAt: `${closedAt}T00:00:00.000Z`,
  wonMinor,
  inScope,
});

// Monthly horizons: W1 forecasts October, W2 November, W3 December, W4 January (not over when read).
const WEEKS = [
  week(
    '2026-10-05T00:00:00.000Z',
    '2026-10',
    { 'stage-weighted': 1_200_000, historical: 1_450_000, 'monte-carlo': 1_000_000 },
    { A: 0.8, X: 0.3, E: 0.35 },
    [call('ana', 900_000), call('ben', 500_000)],
  ),
  week(
    '2026-11-02T00:00:00.000Z',
    '2026-11',
    { 'stage-weighted': 2_500_000, historical: 1_900_000, 'monte-carlo': 2_100_000 },
    { D: 0.95, X: 0.15 },
  ),
  week(
    '2026-12-07T00:00:00.000Z',
    '2026-12',
    { 'stage-weighted': 300_000, historical: 0, 'monte-carlo': 0 },
    { Y: 0.5 },
  ),
  week(
    '2027-01-04T00:00:00.000Z',
    '2027-01',
    { 'stage-weighted': 9_999_999, historical: 9_999_999, 'monte-carlo': 9_999_999 },
    { E: 0.01 },
  ),
];
const WON = [
  won('A', '2026-09-01', '2026-10-20', 1_000_000), // open at W1, won in October
  won('B', '2026-10-10', '2026-10-25', 500_000), // opened after W1, won in October
  won('C', '2026-08-01', '2026-11-01', 400_000), // won in November before W2
  won('D', '2026-09-15', '2026-11-20', 1_600_000), // open at W2, won in November
  won('Z', '2026-09-15', '2026-11-21', 7_000_000, false), // someone else's deal: not in scope
  won('E', '2026-09-01', '2027-01-10', 300_000), // won in January, after October's horizon
];
const ACTUALS_AT = '2027-01-15T00:00:00.000Z';
const METHODS: ForecastMethod[] = ['stage-weighted', 'historical', 'monte-carlo'];

describe('backtest metrics on weeks whose errors are known by hand', () => {
  const report = backtestReport(WEEKS, WON, METHODS, ACTUALS_AT);

  it('sets each week beside what was won in its horizon, split by when the deals opened', () => {
    expect(report.rows.map((r) => [r.at.slice(0, 10), r.actual, r.settled])).toEqual([
      // October: A 1,000,000 open at W1 + B 500,000 created after W1.
      [
        '2026-10-05',
        { wonMinor: 1_500_000, wonBeforeMinor: 0, openAtWMinor: 1_000_000, createdAfterWMinor: 500_000 },
        true,
      ],
      // November: C 400,000 won before W2 + D 1,600,000 open at W2; Z is out of scope.
      [
        '2026-11-02',
        { wonMinor: 2_000_000, wonBeforeMinor: 400_000, openAtWMinor: 1_600_000, createdAfterWMinor: 0 },
        true,
      ],
      ['2026-12-07', { wonMinor: 0, wonBeforeMinor: 0, openAtWMinor: 0, createdAfterWMinor: 0 }, true],
      // January ends after the actuals were read: shown, never scored.
      [
        '2027-01-04',
        { wonMinor: 300_000, wonBeforeMinor: 0, openAtWMinor: 300_000, createdAfterWMinor: 0 },
        false,
      ],
    ]);
  });

  it('MAPE and bias per method, four decimals, over settled weeks with something won', () => {
    // December won nothing (a percentage of 0 is undefined): skipped. January is not settled.
    expect(report.accuracy).toEqual([
      // W1 |1.2 − 1.5| / 1.5 = 0.2 (−0.2), W2 |2.5 − 2.0| / 2.0 = 0.25 (+0.25):
      // MAPE (0.2 + 0.25) / 2 = 0.225, bias (−0.2 + 0.25) / 2 = 0.025.
      { source: 'stage-weighted', rows: 2, skipped: 1, mape: 0.225, bias: 0.025 },
      // W1 0.05 / 1.5 = 0.033333 (−), W2 0.1 / 2.0 = 0.05 (−): MAPE 0.041667, bias −0.041667.
      { source: 'historical', rows: 2, skipped: 1, mape: 0.0417, bias: -0.0417 },
      // W1 0.5 / 1.5 = 0.333333 (−), W2 0.1 / 2.0 = 0.05 (+): MAPE 0.191667, bias (−0.333333 + 0.05) / 2 = −0.141667.
      { source: 'monte-carlo', rows: 2, skipped: 1, mape: 0.1917, bias: -0.1417 },
      // Reps' calls only at W1: 900,000 + 500,000 = 1,400,000 against 1,500,000: 0.1 / 1.5 = 0.066667 (−).
      { source: 'rep-calls', rows: 1, skipped: 2, mape: 0.0667, bias: -0.0667 },
      { source: 'manager-calls', rows: 0, skipped: 3, mape: null, bias: null },
    ]);
  });

  it('Brier score and reliability of the per-deal probabilities', () => {
    // W1: A 0.8 won in October (o = 1), X 0.3 not won, E 0.35 won in January, outside October (o = 0);
    // W2: D 0.95 won (1), X 0.15 (0); W3: Y 0.5 (0); W4 not settled.
    // Σ (p − o)² = 0.04 + 0.09 + 0.1225 + 0.0025 + 0.0225 + 0.25 = 0.5275; / 6 = 0.087917.
    const calibration = calibrationOf(WEEKS, WON, 'historical', ACTUALS_AT);
    expect(calibration.predictions).toBe(6);
    expect(calibration.brier).toBe(0.0879);
    const filled = calibration.reliability.filter((b) => b.deals > 0);
    expect(filled).toEqual([
      { from: 0.1, to: 0.2, deals: 1, meanPredicted: 0.15, observed: 0 },
      // 0.3 and 0.35: mean 0.325, neither won.
      { from: 0.3, to: 0.4, deals: 2, meanPredicted: 0.325, observed: 0 },
      { from: 0.5, to: 0.6, deals: 1, meanPredicted: 0.5, observed: 0 },
      { from: 0.8, to: 0.9, deals: 1, meanPredicted: 0.8, observed: 1 },
      { from: 0.9, to: 1, deals: 1, meanPredicted: 0.95, observed: 1 },
    ]);
    expect(calibration.reliability).toHaveLength(10);
    // A method without predictions scores nothing.
    expect(calibrationOf(WEEKS, WON, 'category-weighted', ACTUALS_AT)).toMatchObject({
      predictions: 0,
      brier: null,
    });
  });

  it('rounds a mean summed in floating point as its exact value, half away from zero', () => {
    // Ten deal-weeks, (0.5 − 1)² + (0.05 − 0)² five times: 1.2625 / 10 = 0.12625 exactly, which the
    // running sum holds as 0.12624999999999997: still 0.1263.
    let sum = 0;
    for (let i = 0; i < 5; i++) {
      sum += (0.5 - 1) ** 2;
      sum += (0.05 - 0) ** 2;
    }
    expect(sum / 10).toBe(0.12624999999999997);
    expect(round4(sum / 10)).toBe(0.1263);
    expect(round4(-0.00005)).toBe(-0.0001);
    expect(round4(2 / 3)).toBe(0.6667);
  });

  it('a forecast equal to the actual scores 0 and one of twice the actual a bias of 1', () => {
    const exact = backtestReport(
      [week('2026-10-05T00:00:00.000Z', '2026-10', { 'stage-weighted': 1_500_000, historical: 3_000_000 })],
      WON,
      ['stage-weighted', 'historical'],
      ACTUALS_AT,
    );
    expect(accuracyOf(exact.rows, 'stage-weighted')).toMatchObject({ mape: 0, bias: 0 });
    expect(accuracyOf(exact.rows, 'historical')).toMatchObject({ mape: 1, bias: 1 });
  });
});

describe('backtest parameters', () => {
  const ok = { from: '2026-01-05', to: '2026-12-28' };

  it('weeks from `from` to `to`, each W with the quarter (or month, or one period) it forecasts', () => {
    const plan = backtestPlan(ok);
    expect(plan.instants).toHaveLength(52);
    expect(plan.instants[1]).toBe('2026-01-12T00:00:00.000Z');
    expect(plan.horizonAt('2026-05-04T00:00:00.000Z').period).toBe('2026-Q2');
    expect(backtestPlan({ ...ok, horizon: 'month' }).horizonAt('2026-05-04T00:00:00.000Z').period).toBe(
      '2026-05',
    );
    expect(backtestPlan({ ...ok, horizon: '2026-Q4' }).horizonAt('2026-05-04T00:00:00.000Z').period).toBe(
      '2026-Q4',
    );
    expect(plan.methods).toEqual(['stage-weighted', 'category-weighted', 'historical', 'monte-carlo']);
  });

  it.each([
    [{ from: '2026-06-01', to: '2026-05-01' }, 'from', /is after to/],
    [{ from: '2024-01-01', to: '2026-01-05' }, 'to', new RegExp(`at most ${MAX_BACKTEST_WEEKS} weeks`)],
    [{ ...ok, every: 'day' }, 'every', /every must be week/],
    [{ ...ok, horizon: 'year' }, 'horizon', /horizon must be quarter, month or a period/],
    [{ ...ok, horizon: '2026-Q5' }, 'horizon', /horizon must be/],
    [{ to: '2026-05-01' }, 'from', /from is required/],
    [{ from: 'soon', to: '2026-05-01' }, 'from', /ISO-8601/],
  ])('refuses %j naming %s', (ask, field, message) => {
    let error: unknown;
    try {
      backtestPlan(ask);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BacktestInputError);
    expect(error).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it('two years of weeks is the limit: 105 instants pass', () => {
    const to = new Date(Date.parse('2026-01-05') + (MAX_BACKTEST_WEEKS - 1) * 7 * 86_400_000).toISOString();
    expect(backtestPlan({ from: '2026-01-05', to }).instants).toHaveLength(MAX_BACKTEST_WEEKS);
  });

  it('an unknown method names the field', () => {
    expect(() => backtestPlan({ ...ok, method: 'tea-leaves' })).toThrow(ForecastMethodError);
    expect(() => backtestPlan({ ...ok, method: 'tea-leaves' })).toThrow(/^method must be one of/);
  });
});
