import { eventually } from '../support/eventually';
import { eur, TRIANGLE } from '../support/fixtures';
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

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const line = (type: string, target: string, body: object, actor: string, occurredAt: string) =>
  // Gate commands are served by contracts too: the kind says which.
  JSON.stringify({
    type,
    ...(type.includes('Gate') ? { kind: 'opportunity' } : {}),
    target,
    body,
    actor,
    occurredAt,
  });

/**
 * Imported Q1 2026: ann's bt1 (1,000,000) bid on 7 Jan and won on 16 Feb; cy's bt2 (3,000,000) opened on
 * 8 Jan, never moved, abandoned on 10 Mar. Recorded now, so every week of Q1 is reconstructed.
 */
function history(): string {
  let minute = 0;
  const at = (date: string) => new Date(Date.parse(`${date}T08:00:00Z`) + minute++ * 60_000).toISOString();
  const lines = [
    line('RegisterCustomer', 'bt-c1', { name: 'BT One', segment: 'strategic' }, 'ann', at('2026-01-05')),
    line('ClaimCustomer', 'bt-c1', {}, 'ann', at('2026-01-05')),
    line('RegisterCustomer', 'bt-c2', { name: 'BT Two', segment: 'strategic' }, 'cy', at('2026-01-05')),
    line('ClaimCustomer', 'bt-c2', {}, 'cy', at('2026-01-05')),
  ];
  const open = (id: string, customerId: string, owner: string, amountMinor: number, date: string) =>
    line(
      'OpenOpportunity',
      id,
      {
        customerId,
        name: `Deal ${id}`,
        amount: eur(amountMinor),
        expectedCloseDate: '2026-03-31',
        segment: 'strategic',
        customerType: 'new',
        owner,
      },
      owner,
      at(date),
    );
  const day = '2026-01-07';
  lines.push(
    open('bt1', 'bt-c1', 'ann', 1_000_000, day),
    line('AssignIronTriangle', 'bt1', { triangle: TRIANGLE }, 'bob', at(day)),
    line('ValidateOpportunity', 'bt1', VALIDATION, 'ann', at(day)),
  );
  for (const gate of ['opportunityApproval', 'solutionConsensus', 'quoteReview']) {
    if (gate === 'solutionConsensus')
      lines.push(line('RecordPreBidGuidance', 'bt1', { note: 'guided' }, 'sam', at(day)));
    if (gate === 'quoteReview')
      lines.push(
        line('PrepareQuote', 'bt1', { quoteReference: 'Q-bt1', amount: eur(1_000_000) }, 'sam', at(day)),
      );
    lines.push(line('RequestGateReview', 'bt1', { gate }, 'ann', at(day)));
    for (const role of ['AR', 'SR', 'FR'] as const)
      lines.push(line('CastGateVote', 'bt1', { gate, role, decision: 'approve' }, TRIANGLE[role], at(day)));
  }
  lines.push(
    line(
      'SubmitBid',
      'bt1',
      { quoteReference: 'Q-bt1', amount: eur(1_000_000), validUntil: '2099-12-31' },
      'ann',
      at(day),
    ),
    open('bt2', 'bt-c2', 'cy', 3_000_000, '2026-01-08'),
    line(
      'WinOpportunity',
      'bt1',
      { contractId: 'k-bt1', signedAmount: eur(1_000_000), signedAt: '2026-02-16T10:00:00.000Z' },
      'ann',
      '2026-02-16T10:00:00.000Z',
    ),
    line('AbandonOpportunity', 'bt2', { reason: 'budget frozen' }, 'cy', '2026-03-10T10:00:00.000Z'),
  );
  return `${lines.join('\n')}\n`;
}

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
    const imported = await fetch(`${session.api.url}/api/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.keys.root}`, 'content-type': 'application/x-ndjson' },
      body: history(),
    });
    expect(imported.status).toBe(200);
    const results = (await imported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status?: string; reason?: string });
    expect(results.filter((r) => r.status === 'refused')).toEqual([]);
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
  ])('refuses a bad %s with 400 naming it', async (field, params) => {
    const answer = await session.as('ops', 'GET', `/api/forecasts/backtest?${params}`);
    expect(answer.status).toBe(400);
    expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual([field]);
  });
});
