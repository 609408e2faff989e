import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { ok, startSession, type As } from '../support/session';

const CALL = {
  scope: 'own',
  period: '2026-Q4',
  currency: 'EUR',
  commitMinor: 12_000_000,
  bestCaseMinor: 18_000_000,
  note: 'acme signs in November',
};

// POST /api/forecast-calls over real HTTP: who may call for whom, validation naming the field, and a new
// call superseding the last on its line with every call kept in the stream's history.
describe('forecast calls', () => {
  let api: ApiProcess;
  let as: As;
  const history = async (line: string) => {
    const answer = await as('root', 'GET', `/api/forecast-calls/${line}/history`);
    return answer.status === 404
      ? []
      : (answer.body['events'] as { type: string; data: Record<string, unknown> }[]);
  };

  beforeAll(async () => {
    ({ api, as } = await startSession());
  });
  afterAll(() => api.stop());

  it("records a rep's own call on their line, and a second call supersedes it; both stay", async () => {
    const first = await ok(as('ann', 'POST', '/api/forecast-calls', CALL));
    expect(first).toMatchObject({ id: 'own.ann.2026-Q4', streamId: 'forecast-call-own.ann.2026-Q4' });
    await ok(
      as('ann', 'POST', '/api/forecast-calls', { ...CALL, commitMinor: 9_000_000, note: 'acme slips' }),
    );
    const view = await ok(as('ann', 'GET', '/api/forecast-calls/own.ann.2026-Q4'));
    expect(view).toMatchObject({
      state: 'called',
      context: { calls: 2, current: { commitMinor: 9_000_000, by: 'ann' } },
    });
    expect(
      (await history('own.ann.2026-Q4')).map((e) => [e.type, e.data['commitMinor'], e.data['note']]),
    ).toEqual([
      ['ForecastCallMade', 12_000_000, 'acme signs in November'],
      ['ForecastCallMade', 9_000_000, 'acme slips'],
    ]);
  });

  it("records a manager's call for their team (the team defaults to theirs)", async () => {
    const answer = await ok(as('bob', 'POST', '/api/forecast-calls', { ...CALL, scope: 'team' }));
    expect(answer).toMatchObject({ id: 'team.east.2026-Q4' });
  });

  it.each([
    ['ann', 'ownCallOnly', 'own.sam.2026-Q4', { ...CALL, personId: 'sam' }],
    ['bob', 'ownCallOnly', 'own.ann.2026-Q4', { ...CALL, personId: 'ann' }],
    ['ann', 'managerOfTeam', 'team.east.2026-Q4', { ...CALL, scope: 'team', team: 'east' }],
    ['bob', 'managerOfTeam', 'team.west.2026-Q4', { ...CALL, scope: 'team', team: 'west' }],
  ] as const)(
    'refuses %s a call that is not theirs: 403 %s on %s, nothing appended',
    async (who, rule, line, body) => {
      const before = (await history(line)).length;
      const answer = await as(who, 'POST', '/api/forecast-calls', body);
      expect({ status: answer.status, rule: answer.body['rule'] }).toEqual({ status: 403, rule });
      expect((await history(line)).length).toBe(before);
    },
  );

  it('lets ops record a call for a rep', async () => {
    await ok(as('ops', 'POST', '/api/forecast-calls', { ...CALL, personId: 'cy', period: '2026-11' }));
    const view = await ok(as('ops', 'GET', '/api/forecast-calls/own.cy.2026-11'));
    expect(view).toMatchObject({ context: { current: { personId: 'cy', by: 'ops' } } });
  });

  it.each([
    ['bestCaseMinor', { bestCaseMinor: 11_999_999 }],
    ['commitMinor', { commitMinor: 1.5 }],
    ['currency', { currency: 'EUX' }],
    ['period', { period: '2026-Q5' }],
    ['scope', { scope: 'mine' }],
  ])('refuses bad input with 400 naming %s, nothing appended', async (field, change) => {
    const answer = await as('sam', 'POST', '/api/forecast-calls', { ...CALL, ...change });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(field);
    expect(await history('own.sam.2026-Q4')).toEqual([]);
  });

  describe('GET /api/forecasts/calls: the calls in force at a moment', () => {
    type Call = { personId: string | null; team: string | null; commitMinor: number; period: string };
    const DAY = 86_400_000;
    const t0 = Date.now();
    let beforeLateEntry = '';
    const lines = (calls: Call[]) => calls.map((c) => `${c.personId ?? c.team}:${c.commitMinor}`);
    const calls = async (who: 'ann' | 'bob' | 'ops', params: string) => {
      const answer = await ok(as(who, 'GET', `/api/forecasts/calls?${params}`));
      return answer['calls'] as Call[];
    };

    beforeAll(async () => {
      await new Promise((done) => setTimeout(done, 5));
      beforeLateEntry = new Date().toISOString();
      // sam's call, dated 10 days ago, recorded only now (a late entry)
      const tenDaysAgo = new Date(t0 - 10 * DAY).toISOString();
      await ok(as('sam', 'POST', '/api/forecast-calls', CALL, { 'X-Occurred-At': tenDaysAgo }));
    });

    it('gives each line its latest call, visible to the caller: rep own, manager team and reps, ops all', async () => {
      await eventually(async () =>
        expect(lines(await calls('ops', 'period=2026-Q4'))).toEqual([
          'ann:9000000',
          'sam:12000000',
          'east:12000000',
        ]),
      );
      expect(lines(await calls('ann', 'period=2026-Q4'))).toEqual(['ann:9000000']);
      expect(lines(await calls('bob', ''))).toEqual(['ann:9000000', 'sam:12000000', 'east:12000000']);
      expect(lines(await calls('ops', ''))).toEqual([
        'ann:9000000',
        'cy:12000000',
        'sam:12000000',
        'east:12000000',
      ]);
    });

    it('as of 5 days ago holds the late entry only as known now, not as known before it was recorded', async () => {
      const fiveDaysAgo = new Date(t0 - 5 * DAY).toISOString();
      expect(lines(await calls('ops', `asOf=${fiveDaysAgo}`))).toEqual(['sam:12000000']);
      expect(lines(await calls('ops', `asOf=${fiveDaysAgo}&knownAt=${beforeLateEntry}`))).toEqual([]);
      // knownAt alone: the calls in force then as known then, before sam's call was recorded
      expect(lines(await calls('ops', `knownAt=${beforeLateEntry}&period=2026-Q4`))).toEqual([
        'ann:9000000',
        'east:12000000',
      ]);
    });

    it('shows the calls for the horizon beside the forecast', async () => {
      const forecast = await ok(as('bob', 'GET', '/api/forecasts?horizon=2026-Q4'));
      expect(lines(forecast['calls'] as Call[])).toEqual(['ann:9000000', 'sam:12000000', 'east:12000000']);
    });

    it('refuses a period that is not one, naming the field', async () => {
      const answer = await as('ops', 'GET', '/api/forecasts/calls?period=2026-Q5');
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('period');
    });
  });
});
