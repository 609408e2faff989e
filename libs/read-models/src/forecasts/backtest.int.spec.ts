import { MemoryEventStore, type StoredEvent } from '@ltc/event-store';
import { isDeepStrictEqual } from 'node:util';
import {
  lateEntriesProjection,
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  sampleAt,
} from '@ltc/projections';
import { appendHistory, Rng, tempDir } from '@ltc/projections/testing';
import { day, DealScript, eur, History } from '../../test/support/history';
import { backtestPlan, backtestWeekAt, runBacktest } from './backtest.queries';
import { ForecastFactsFolder } from './facts';
import { forecastProjection } from './forecast.projection';
import type { BacktestResponse, ForecastMethod } from './types';

const ACTUALS_AT = '2027-01-15T00:00:00.000Z';
const noon = (n: number) => new Date(Date.parse(day(n)) + 43_200_000).toISOString();

// Q4 2026 is day 273 (1 Oct) to day 365. Weeks W1 day 280.5, W2 287.5, W3 294.5, each forecasting Q4.
//   D1 strategic, opened 150, bid 157, WON 200    } history: every stage 1 of 2 won (0.5, pooled: < 5 deals)
//   D2 strategic, opened 150, bid 157, LOST 210   } time to win from any stage: 43 to 50 days
//   A  1,000,000 opened 270, bid submitted 277, WON 300
//   B  2,000,000 opened 272, stays opened, LOST 310
//   C    500,000 opened 290 (after W1, W2), in bid preparation from 294, WON 320
//   L  8,000,000 opened 275 but recorded on day 296, after every W: in no forecast; LOST 330
function worked(): History {
  const h = new History();
  const deal = (id: string, amountMinor: number) =>
    new DealScript(h, id, { owner: 'ann', amount: eur(amountMinor) });
  deal('D1', 3_000_000).open(150).toBid(151).win(200);
  deal('D2', 3_000_000).open(150).toBid(151).lose(210, 'price', 'Globex');
  const a = deal('A', 1_000_000).open(270).toBid(271);
  const b = deal('B', 2_000_000).open(272);
  const l = deal('L', 8_000_000).open(275);
  h.recordedAt(day(296), 2);
  const c = deal('C', 500_000).open(290).toBid(291);
  a.win(300);
  b.lose(310, 'price', 'Globex');
  c.win(320);
  l.lose(330, 'timing', 'Hooli');
  return h;
}

const row = (answer: BacktestResponse, method: ForecastMethod) =>
  answer.rows.map((r) => r.forecasts.find((f) => f.method === method)?.expectedMinor);

describe('a backtest over a constructed history, each error known by hand', () => {
  jest.setTimeout(60_000);
  const dir = tempDir('ltc-backtest-');
  const store = new MemoryEventStore();
  const live = new ReadModelStore({ file: dir.path('read-models.sqlite') });
  const plan = backtestPlan({ from: noon(280), to: noon(294), horizon: 'quarter' });
  let answer: BacktestResponse;

  beforeAll(async () => {
    await worked().into(store);
    answer = await runBacktest(store, plan, { actualsAt: ACTUALS_AT });
  });
  afterAll(() => {
    live.close();
    dir.remove();
  });

  it('forecasts each week from what was known then', () => {
    expect(answer.rows.map((r) => r.at)).toEqual([noon(280), noon(287), noon(294)]);
    // Stage-weighted: A bid submitted 0.5 x 1,000,000 + B opened 0.05 x 2,000,000 = 600,000;
    // W3 adds C in bid preparation 0.3 x 500,000 = 150,000. L (0.05 x 8,000,000) was not known yet.
    expect(row(answer, 'stage-weighted')).toEqual([600_000, 600_000, 750_000]);
    // Category-weighted: every deal pipeline, 0.2 x 3,000,000; W3 0.2 x 3,500,000.
    expect(row(answer, 'category-weighted')).toEqual([600_000, 600_000, 700_000]);
    // Historical: P(win) 0.5 at every stage (D1 won, D2 lost), and every past win took 43-50 days from a
    // stage, which lands each open deal's win inside Q4: 0.5 x 3,000,000; W3 0.5 x 3,500,000.
    expect(row(answer, 'historical')).toEqual([1_500_000, 1_500_000, 1_750_000]);
  });

  it('won in Q4: A and C, 1,500,000, split by whether they were open at W', () => {
    expect(answer.rows.map((r) => r.actual)).toEqual([
      { wonMinor: 1_500_000, wonBeforeMinor: 0, openAtWMinor: 1_000_000, createdAfterWMinor: 500_000 },
      { wonMinor: 1_500_000, wonBeforeMinor: 0, openAtWMinor: 1_000_000, createdAfterWMinor: 500_000 },
      { wonMinor: 1_500_000, wonBeforeMinor: 0, openAtWMinor: 1_500_000, createdAfterWMinor: 0 },
    ]);
    expect(answer.rows.every((r) => r.settled && !r.reconstructed)).toBe(true);
    expect(answer).toMatchObject({ imported: false, importedUntil: null, note: null });
  });

  it('MAPE and bias per method to four decimals', () => {
    const accuracy = new Map(answer.accuracy.map((a) => [a.source, a]));
    // Stage-weighted: |0.6 − 1.5| / 1.5 = 0.6, 0.6, |0.75 − 1.5| / 1.5 = 0.5: MAPE 1.7 / 3 = 0.566667, all under.
    expect(accuracy.get('stage-weighted')).toEqual({
      source: 'stage-weighted',
      rows: 3,
      skipped: 0,
      mape: 0.5667,
      bias: -0.5667,
    });
    // Category-weighted: 0.6, 0.6, 0.8 / 1.5 = 0.533333: MAPE 1.733333 / 3 = 0.577778.
    expect(accuracy.get('category-weighted')).toMatchObject({ rows: 3, mape: 0.5778, bias: -0.5778 });
    // Historical: 0, 0, (1.75 − 1.5) / 1.5 = 0.166667 over: MAPE and bias 0.166667 / 3 = 0.055556.
    expect(accuracy.get('historical')).toMatchObject({ rows: 3, mape: 0.0556, bias: 0.0556 });
    // No calls were made: nothing to score.
    expect(accuracy.get('rep-calls')).toMatchObject({ rows: 0, skipped: 3, mape: null });
  });

  it('Monte Carlo: the mean of the trials within four standard errors of the historical expectation', () => {
    // W1, W2: A (1,000,000) and B (2,000,000) each won with p = 0.5: variance 0.25 x (1e12 + 4e12) per trial;
    // W3 adds C (500,000): + 0.25 x 2.5e11. Standard error = sqrt(variance / trials).
    const variance = [5e12, 5e12, 5.25e12].map((v) => v * 0.25);
    const trials = answer.settings.trials;
    expect(trials).toBe(1_000);
    row(answer, 'monte-carlo').forEach((mean, i) => {
      const expected = row(answer, 'historical')[i] as number;
      expect(Math.abs((mean as number) - expected)).toBeLessThan(
        4 * Math.sqrt((variance[i] as number) / trials),
      );
    });
    const mc = answer.rows[0]?.forecasts.find((f) => f.method === 'monte-carlo');
    // Outcomes of one trial: 0, 1,000,000, 2,000,000 or 3,000,000.
    expect([0, 1_000_000, 2_000_000, 3_000_000]).toContain(mc?.p50Minor);
  });

  it('Brier score and reliability per method', () => {
    const calibration = new Map(answer.calibration.map((c) => [c.method, c]));
    // Seven deal-weeks: W1, W2 A and B; W3 A, B and C. A and C were won in Q4 after W, B was not.
    // Stage-weighted: A (0.5 − 1)² = 0.25, B (0.05 − 0)² = 0.0025, twice, then + C (0.3 − 1)² = 0.49:
    // (0.2525 x 3 + 0.49) / 7 = 1.2475 / 7 = 0.178214.
    expect(calibration.get('stage-weighted')).toMatchObject({ predictions: 7, brier: 0.1782 });
    // Category-weighted: A (0.2 − 1)² = 0.64, B 0.04, C 0.64: (0.68 x 3 + 0.64) / 7 = 2.68 / 7 = 0.382857.
    expect(calibration.get('category-weighted')).toMatchObject({ predictions: 7, brier: 0.3829 });
    // Historical: every p = 0.5, so (0.5)² = 0.25; all in [0.5, 0.6), 4 of the 7 won.
    const historical = calibration.get('historical');
    expect(historical?.brier).toBe(0.25);
    expect(historical?.reliability.filter((b) => b.deals > 0)).toEqual([
      { from: 0.5, to: 0.6, deals: 7, meanPredicted: 0.5, observed: 0.5714 },
    ]);
  });

  it('the same answer with the live read models: their snapshots, late-entry index and actuals', async () => {
    const runner = new ProjectionRunner({
      store,
      readModels: live,
      projections: [
        { ...forecastProjection, snapshots: { every: 20, appendOnly: {} } },
        lateEntriesProjection,
      ],
    });
    await runner.start();
    await runner.catchUp();
    await runner.stop();
    const withLive = await runBacktest(store, plan, {
      live,
      actuals: openReadModel(live, forecastProjection),
      actualsAt: ACTUALS_AT,
    });
    expect(withLive).toEqual(answer);
  });
});

// Over generated histories with late entries: the rows of the weeks up to T are the same whether the log
// ends at T or goes on (later facts, and late entries recorded after T but dated before it).
describe('a backtest with an imported forecast call', () => {
  jest.setTimeout(60_000);
  const store = new MemoryEventStore();
  const plan = backtestPlan({ from: noon(280), to: noon(294), horizon: 'quarter', method: 'stage-weighted' });
  // ann's commit of 1,200,000 for Q4, made on day 284, came in with the history import on day 300
  // (metadata.imported); sam's of 900,000, made the same day, is a late entry recorded on day 300.
  const folder = new ForecastFactsFolder();
  const call = (id: string, person: string, commitMinor: number, imported: boolean) =>
    folder.apply(
      {
        id,
        type: 'ForecastCallMade',
        streamId: `forecast-call-own.${person}.2026-Q4`,
        position: id === 'c1' ? '00000000000000009001' : '00000000000000009002',
        actor: person,
        occurredAt: day(284),
        recordedAt: day(300),
        data: {
          by: person,
          scope: 'own',
          personId: person,
          team: null,
          period: '2026-Q4',
          currency: 'EUR',
          commitMinor,
          bestCaseMinor: commitMinor,
          note: '',
        },
      },
      { metadata: (imported ? { imported: true } : {}) as never },
    );
  call('c1', 'ann', 1_200_000, true);
  call('c2', 'sam', 900_000, false);
  let answer: BacktestResponse;

  beforeAll(async () => {
    await worked().into(store);
    answer = await runBacktest(store, plan, {
      actualsAt: ACTUALS_AT,
      calls: { recorded: folder.facts.calls, visibleTo: undefined },
    });
  });

  it('counts it as known when it occurred and flags those weeks reconstructed; the late entry is not known', () => {
    expect(answer.rows.map((r) => [r.at, r.calls.rep.map((c) => c.commitMinor), r.reconstructed])).toEqual([
      [noon(280), [], false],
      [noon(287), [1_200_000], true],
      [noon(294), [1_200_000], true],
    ]);
    expect(answer).toMatchObject({ imported: true, importedUntil: day(300) });
    expect(answer.note).toMatch(/^imported history: what was known before /);
    // Rep calls scored on W2 and W3 against 1,500,000 won: |1.2 − 1.5| / 1.5 = 0.2, under; W1 had no call.
    expect(answer.accuracy.find((a) => a.source === 'rep-calls')).toEqual({
      source: 'rep-calls',
      rows: 2,
      skipped: 1,
      mape: 0.2,
      bias: -0.2,
    });
  });
});

describe('a backtest at W never depends on what was recorded after W', () => {
  jest.setTimeout(180_000);
  const recordedAt = (e: StoredEvent) => String(e.metadata['recordedAt'] ?? e.metadata.occurredAt);

  it.each([101, 202, 303])('seed %i', async (seed) => {
    const full = new MemoryEventStore();
    await appendHistory(full, { seed, events: 3_000, late: { share: 0.2, maxDays: 30 }, validate: true });
    const log: StoredEvent[] = [];
    for await (const e of full.readAll()) log.push(e);
    const times = log.map((e) => Date.parse(recordedAt(e)));
    const first = Math.min(...times);
    const last = Math.max(...times);
    const rng = new Rng(seed);
    // T somewhere in the middle half; the weeks from a month in to the end of the log.
    const cut = new Date(first + (0.25 + rng.next() / 2) * (last - first)).toISOString();
    const prefix = new MemoryEventStore();
    const kept = log.filter((e) => recordedAt(e) <= cut);
    for (const e of kept)
      await prefix.append(
        e.streamId,
        [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }],
        'any',
      );
    const plan = backtestPlan({
      from: new Date(first + 30 * 86_400_000).toISOString(),
      to: new Date(Math.min(last, first + 700 * 86_400_000)).toISOString(),
      horizon: 'quarter',
    });
    const options = { actualsAt: new Date(last + 86_400_000).toISOString() };
    const [before, after] = await Promise.all([
      runBacktest(prefix, plan, options),
      runBacktest(full, plan, options),
    ]);
    const upTo = (answer: BacktestResponse) =>
      answer.rows.filter((r) => r.at <= cut).map((r) => ({ at: r.at, forecasts: r.forecasts }));
    const failure = `seed ${seed}, cut ${cut}`;
    expect({ failure, rows: upTo(after) }).toEqual({ failure, rows: upTo(before) });
    // Learned week by week (each week adding the newly known closes) = learned afresh at every week.
    const afresh = await sampleAt(
      full,
      [forecastProjection],
      plan.instants,
      (v) => backtestWeekAt(openReadModel(v.readModels, forecastProjection), plan, v.asOf, false).forecasts,
      { knownAtEachInstant: true },
    );
    expect({ failure, rows: after.rows.map((r) => r.forecasts) }).toEqual({
      failure,
      rows: afresh.map((s) => s.value),
    });
    // Not vacuous: weeks up to T forecast something, and the same weeks sampled as known now (late
    // entries recorded after T included) differ from them.
    expect(upTo(after).some((r) => r.forecasts.some((f) => f.expectedMinor > 0))).toBe(true);
    const hindsight = await sampleAt(
      full,
      [forecastProjection],
      plan.instants,
      (v) => backtestWeekAt(openReadModel(v.readModels, forecastProjection), plan, v.asOf, false).forecasts,
    );
    const leaked = hindsight.filter(
      (h, i) => h.asOf <= cut && !isDeepStrictEqual(h.value, after.rows[i]?.forecasts),
    );
    expect({ failure, leaked: leaked.length > 0 }).toEqual({ failure, leaked: true });
  });
});
