import type { ApiProcess } from '../support/api-process';
import { toBid } from '../support/deal';
import { eventually } from '../support/eventually';
import { eur, type Body } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';

const DAY = 86_400_000;

// asOf (business time) and knownAt (knowledge time) over real HTTP: a deal whose every step is entered
// late (X-Occurred-At), won five days ago but recorded today, and one won today.
describe('asOf and knownAt over HTTP', () => {
  let api: ApiProcess;
  let as: As;
  const t0 = Date.now();
  const daysAgo = (n: number, minutes = 0) => new Date(t0 - n * DAY + minutes * 60_000).toISOString();
  // Signed 4 days 22.5 hours ago: inside the daily step that ends four days ago.
  const signedAt = daysAgo(5, 90);
  let beforeLateWin = '';
  let recordedAfter = '';

  const occurred = (at: string | undefined): Record<string, string> =>
    at === undefined ? {} : { 'X-Occurred-At': at };
  const get = async (path: string) => (await as('bob', 'GET', path)).body;
  const post = (
    id: string,
    verb: string,
    body: unknown,
    at?: string,
    who: 'ann' | 'sam' | 'fay' | 'bob' = 'ann',
  ) => ok(as(who, 'POST', `/api/opportunities/${id}/${verb}`, body, occurred(at)));

  beforeAll(async () => {
    ({ api, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    // late: every step entered today, dated ten days ago (a minute apart); the win dated five days ago.
    await toBid(as, 'late', { at: (step) => daysAgo(10, step) });
    await toBid(as, 'today');
    await post('today', 'win', {
      contractId: 'k-today',
      signedAmount: eur(9_000_000),
      signedAt: new Date().toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeLateWin = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The contract's own date is its business time (no header needed).
    await post('late', 'win', { contractId: 'k-late', signedAmount: eur(9_000_000), signedAt });
    recordedAfter = new Date().toISOString();
    await eventually(async () => {
      const health = (await (await fetch(`${api.url}/health`)).json()) as {
        projections: { caughtUp: boolean };
      };
      expect(health.projections.caughtUp).toBe(true);
    }, 10_000);
  });
  afterAll(() => api.stop());

  const month = (iso: string) => iso.slice(0, 7);
  const periods = (body: Body) =>
    Object.fromEntries((body['groups'] as Body[]).map((g) => [g['key'], g['won']]));

  it('win rates place the late win in the month it was signed, live', async () => {
    const live = await get('/api/win-rates?by=period');
    const expected: Record<string, number> = {};
    for (const at of [signedAt, new Date().toISOString()])
      expected[month(at)] = (expected[month(at)] ?? 0) + 1;
    expect(periods(live)).toEqual(expected);
  });

  it('knownAt before the late win was recorded: only the deal won today; asOf six days ago: none yet', async () => {
    const known = await get(`/api/win-rates?by=period&knownAt=${encodeURIComponent(beforeLateWin)}`);
    expect(known['total']).toMatchObject({ won: 1 });
    expect(known['asOf']).toMatchObject({
      live: false,
      knownAt: beforeLateWin,
      asOf: null,
      instant: beforeLateWin,
    });
    const sixDaysAgo = daysAgo(6);
    const asOf = await get(`/api/win-rates?by=period&asOf=${encodeURIComponent(sixDaysAgo)}`);
    expect(asOf['total']).toMatchObject({ won: 0 });
    const fourDaysAgo = await get(`/api/win-rates?by=period&asOf=${encodeURIComponent(daysAgo(4))}`);
    expect(fourDaysAgo['total']).toMatchObject({ won: 1 });
    expect(periods(fourDaysAgo)).toEqual({ [month(signedAt)]: 1 });
    // Four days ago as known before the late win was recorded: not won yet.
    const both = await get(
      `/api/win-rates?by=period&asOf=${encodeURIComponent(daysAgo(4))}&knownAt=${encodeURIComponent(beforeLateWin)}`,
    );
    expect(both['total']).toMatchObject({ won: 0 });
  });

  it("a deal's state: won as of four days ago (asOf), but not as known before its win was recorded (knownAt)", async () => {
    const at = async (query: string) => (await as('ann', 'GET', `/api/opportunities/late?${query}`)).body;
    expect(await at(`asOf=${encodeURIComponent(daysAgo(4))}`)).toMatchObject({ state: 'won', allowed: [] });
    expect(await at(`asOf=${encodeURIComponent(daysAgo(6))}`)).toMatchObject({ state: 'open.bidSubmitted' });
    expect(await at(`knownAt=${encodeURIComponent(beforeLateWin)}`)).toMatchObject({
      state: 'open.bidSubmitted',
      asOf: { knownAt: beforeLateWin },
    });
    expect(await at(`knownAt=${encodeURIComponent(recordedAfter)}`)).toMatchObject({ state: 'won' });
    // Nothing of it had happened eleven days ago: 404.
    expect(
      (await as('ann', 'GET', `/api/opportunities/late?asOf=${encodeURIComponent(daysAgo(11))}`)).status,
    ).toBe(404);
    const timeline = await as(
      'ann',
      'GET',
      `/api/audit/opportunity-late/timeline?asOf=${encodeURIComponent(daysAgo(6))}`,
    );
    expect(timeline.body).toMatchObject({ state: 'open.bidSubmitted', asOf: { asOf: daysAgo(6) } });
    const history = await as(
      'ann',
      'GET',
      `/api/opportunities/late/history?knownAt=${encodeURIComponent(beforeLateWin)}`,
    );
    const types = (history.body['events'] as Body[]).map((e) => e['type']);
    expect(types).not.toContain('OpportunityWon');
    expect(history.body['nextFrom']).toBeNull();
  });

  it('the daily funnel trend counts the late win on the day it was signed, unless asked as known before', async () => {
    const query = `from=${encodeURIComponent(daysAgo(8))}&to=${encodeURIComponent(daysAgo(-1))}&every=day`;
    const trend = await get(`/api/funnel/trend?${query}`);
    const points = trend['points'] as Body[];
    expect(points).toHaveLength(10);
    // Point i is at 8 - i days ago, its step the day before it. The late deal is open until it is signed
    // (4 d 22.5 h ago: the step ending 4 days ago, point 4); the deal of today opens and wins after point 8
    // (the test's start), so it shows in the step ending tomorrow (point 9).
    expect(points.map((p) => p['won'])).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(points.map((p) => p['open'])).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    // As known before the late win was recorded, the late deal is still open at every point.
    const before = await get(`/api/funnel/trend?${query}&knownAt=${encodeURIComponent(beforeLateWin)}`);
    expect((before['points'] as Body[]).map((p) => p['won'])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect((before['points'] as Body[]).map((p) => p['open'])).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(before['knownAt']).toBe(beforeLateWin);
  });

  it('refuses a log position as asOf (it is knownAt), and a trend without its range', async () => {
    const position = await as('bob', 'GET', '/api/funnel?asOf=00000000000000000003');
    expect(position).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(position.body)).toMatch(/use knownAt/);
    expect((await as('bob', 'GET', '/api/funnel?knownAt=00000000000000000003')).status).toBe(200);
    expect((await as('bob', 'GET', '/api/funnel/trend?from=2026-01-01')).status).toBe(400);
    expect((await as('bob', 'GET', '/api/funnel/trend?from=2020-01-01&to=2026-01-01&every=day')).status).toBe(
      400,
    );
  });
});
