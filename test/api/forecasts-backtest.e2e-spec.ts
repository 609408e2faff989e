import { eventually } from '../support/eventually';
import { backtestHistory, importLines } from '../support/backtest-history';
import { startSession, type Session } from '../support/session';

type Row = {
  at: string;
  forecasts: { method: string; expectedMinor: number }[];
  actual: { wonMinor: number; openAtWMinor: number; createdAfterWMinor: number; wonBeforeMinor: number };
  reconstructed: boolean;
  settled: boolean;
};
type Backtest = {
  rows: Row[];
  accuracy: { source: string; rows: number; mape: number | null; bias: number | null }[];
  calibration: { method: string; predictions: number; brier: number | null }[];
  settings: { stageProbabilities: Record<string, number>; trials: number };
  imported: boolean;
  importedUntil: string | null;
  note: string | null;
};

// GET /api/forecasts/backtest on the real server, over imported history, with configured stage probabilities.
describe('GET /api/forecasts/backtest', () => {
  jest.setTimeout(60_000);
  let session: Session;
  const weeks = 'from=2026-01-12&to=2026-02-09';
  const backtest = async (who: 'ann' | 'ops', params: string) => {
    const answer = await session.as(who, 'GET', `/api/forecasts/backtest?${weeks}&${params}`);
    expect(answer.status).toBe(200);
    return answer.body as unknown as Backtest;
  };
  const stageWeighted = (b: Backtest) =>
    b.rows.map((r) => r.forecasts.find((f) => f.method === 'stage-weighted')?.expectedMinor);

  beforeAll(async () => {
    session = await startSession({ FORECAST_STAGE_PROBABILITIES: 'opened=0.2,bidSubmitted=0.6' });
    expect(await importLines(session.api.url, session.keys.root, backtestHistory())).toEqual([]);
    // The live forecast model has folded the win and the abandonment.
    await eventually(async () => {
      const b = await backtest('ops', 'method=stage-weighted');
      expect(b.rows[0]?.actual.wonMinor).toBe(1_000_000);
    });
  });
  afterAll(() => session.api.stop());

  it('forecasts every week of Q1 from the reconstructed knowledge, with the configured probabilities', async () => {
    const b = await backtest('ops', 'method=stage-weighted,historical&horizon=quarter');
    expect(b.rows.map((r) => r.at.slice(0, 10))).toEqual([
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
    ]);
    // Configured, and recorded: bt1 bid submitted 0.6 x 1,000,000 + bt2 opened 0.2 x 3,000,000 = 1,200,000.
    expect(b.settings.stageProbabilities).toMatchObject({ 'open.opened': 0.2, 'open.bidSubmitted': 0.6 });
    expect(b.settings.stageProbabilities['open.negotiation']).toBe(0.7);
    expect(stageWeighted(b)).toEqual([1_200_000, 1_200_000, 1_200_000, 1_200_000, 1_200_000]);
    // Won in Q1: bt1's 1,000,000, open at every W.
    expect(b.rows.map((r) => r.actual)).toEqual(
      Array(5).fill({
        wonMinor: 1_000_000,
        wonBeforeMinor: 0,
        openAtWMinor: 1_000_000,
        createdAfterWMinor: 0,
      }),
    );
    expect(b.rows.every((r) => r.settled && r.reconstructed)).toBe(true);
    expect(b.imported).toBe(true);
    expect(b.note).toMatch(/^imported history: what was known before .* is reconstructed/);
    // (1.2 − 1.0) / 1.0 = 0.2 every week.
    expect(b.accuracy.find((a) => a.source === 'stage-weighted')).toMatchObject({
      rows: 5,
      mape: 0.2,
      bias: 0.2,
    });
    // Nothing had closed before any W: historical learned nothing and forecast 0 (error −1).
    expect(b.accuracy.find((a) => a.source === 'historical')).toMatchObject({ mape: 1, bias: -1 });
    // Per week bt1 (0.6 − 1)² = 0.16 and bt2 (0.2 − 0)² = 0.04: Brier 0.2 / 2 = 0.1.
    expect(b.calibration.find((c) => c.method === 'stage-weighted')).toMatchObject({
      predictions: 10,
      brier: 0.1,
    });
  });

  it('shows a rep the backtest of their own deals only', async () => {
    const b = await backtest('ann', 'method=stage-weighted');
    // bt2 is cy's: ann's forecast is bt1's 600,000 against 1,000,000: −0.4.
    expect(stageWeighted(b)).toEqual([600_000, 600_000, 600_000, 600_000, 600_000]);
    expect(b.accuracy.find((a) => a.source === 'stage-weighted')).toMatchObject({ mape: 0.4, bias: -0.4 });
  });

  it('sets the calls in force at W beside the methods: a call recorded after W is not', async () => {
    const now = new Date();
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const call = {
      scope: 'own',
      period,
      currency: 'EUR',
      commitMinor: 700_000,
      bestCaseMinor: 900_000,
      note: 'bt1',
    };
    expect((await session.as('ann', 'POST', '/api/forecast-calls', call)).status).toBe(200);
    expect(
      (
        await session.as('bob', 'POST', '/api/forecast-calls', {
          ...call,
          scope: 'team',
          commitMinor: 2_000_000,
          bestCaseMinor: 2_500_000,
        })
      ).status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const at = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Recorded after W: supersedes ann's call from now on, not at W.
    expect(
      (await session.as('ann', 'POST', '/api/forecast-calls', { ...call, commitMinor: 100_000 })).status,
    ).toBe(200);
    type Calls = {
      rep: { personId: string; commitMinor: number }[];
      manager: { team: string; commitMinor: number }[];
    };
    await eventually(async () => {
      const answer = await session.as(
        'ops',
        'GET',
        `/api/forecasts/backtest?from=${at}&to=${at}&method=stage-weighted`,
      );
      const row = (answer.body['rows'] as { calls: Calls; settled: boolean }[])[0];
      expect(row?.calls.rep.map((c) => [c.personId, c.commitMinor])).toEqual([['ann', 700_000]]);
      expect(row?.calls.manager.map((c) => [c.team, c.commitMinor])).toEqual([['east', 2_000_000]]);
      // This quarter has not ended: nothing is scored.
      expect(row?.settled).toBe(false);
    });
  });

  it.each([
    ['from', 'from=2026-03-01&to=2026-02-01'],
    ['to', 'from=2024-01-01&to=2026-02-01'],
    ['every', 'from=2026-01-05&to=2026-02-01&every=day'],
    ['method', 'from=2026-01-05&to=2026-02-01&method=crystal-ball'],
    ['horizon', 'from=2026-01-05&to=2026-02-01&horizon=2026-Q7'],
    ['horizon', 'from=2026-01-05&to=2026-02-01&horizon=year'],
    ['from', 'to=2026-02-01'],
    ['currency', 'from=2026-01-05&to=2026-02-01&currency=EUX'],
  ])('refuses a bad %s with 400 naming it', async (field, params) => {
    const answer = await session.as('ops', 'GET', `/api/forecasts/backtest?${params}`);
    expect(answer.status).toBe(400);
    expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual([field]);
  });
});
