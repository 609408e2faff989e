import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { eur, TRIANGLE, type Body } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import type { Person } from '../support/team';

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const GATES = ['opportunityApproval', 'solutionConsensus', 'quoteReview'] as const;
const MOVED = '2026-03-10T09:00:00.000Z';

// People in the log over real HTTP. The users file of the session is an old one (org fields in it):
// the api took it into the log at start. Ann (east, a rep of bob's) moves to west on 10 Mar; bob records
// the move late. Her deal signed on 10 Feb stays with east, the one signed on 11 Apr counts for west.
describe('people and teams in the log', () => {
  let api: ApiProcess;
  let as: As;
  const occurred = (at: string | undefined): Record<string, string> =>
    at === undefined ? {} : { 'X-Occurred-At': at };
  const post = (id: string, verb: string, body: unknown, at?: string, who: Person = 'ann') =>
    ok(as(who, 'POST', `/api/opportunities/${id}/${verb}`, body, occurred(at)));
  const get = async (path: string, who: Person = 'bob') => (await as(who, 'GET', path)).body;

  /** Opened, triangle, validated, three gates and the bid, a minute apart from `start`, then won at `signedAt`. */
  async function won(id: string, start: string, signedAt: string, amount: number) {
    let step = 0;
    const next = () => new Date(Date.parse(start) + step++ * 60_000).toISOString();
    const opportunity = {
      opportunityId: id,
      customerId: 'acme',
      name: `Deal ${id}`,
      amount: eur(amount),
      expectedCloseDate: '2026-06-30',
      segment: 'strategic',
      customerType: 'new',
      owner: 'ann',
    };
    await ok(as('ann', 'POST', '/api/opportunities', opportunity, occurred(next())));
    await post(id, 'triangle', { triangle: TRIANGLE }, next(), 'bob');
    await post(id, 'validate', VALIDATION, next());
    for (const gate of GATES) {
      if (gate === 'solutionConsensus') await post(id, 'pre-bid-guidance', { note: 'guided' }, next(), 'sam');
      if (gate === 'quoteReview')
        await post(id, 'quote', { quoteReference: `Q-${id}`, amount: eur(amount) }, next(), 'sam');
      await post(id, `gates/${gate}/review`, {}, next());
      for (const role of ['AR', 'SR', 'FR'] as const)
        await post(
          id,
          `gates/${gate}/votes`,
          { role, decision: 'approve' },
          next(),
          TRIANGLE[role] as Person,
        );
    }
    await post(
      id,
      'bid',
      { quoteReference: `Q-${id}`, amount: eur(amount), validUntil: '2099-12-31' },
      next(),
    );
    return post(id, 'win', { contractId: `k-${id}`, signedAmount: eur(amount), signedAt });
  }

  beforeAll(async () => {
    // The deals are dated in February and April: a window long enough for the rep to enter them now.
    ({ api, as } = await startSession({ BACKDATE_WINDOW_DAYS: '400' }));
    await ownedCustomer(as, 'ann', 'acme');
  });
  afterAll(() => api.stop());

  it('took the old users file into the log: the org is listed from person events', async () => {
    const people = (await get('/api/people', 'cy'))['people'] as Body[];
    expect(people.map((p) => [p['id'], p['team'], p['manager']])).toEqual([
      ['bob', 'east', null],
      ['ann', 'east', 'bob'],
      ['sam', 'east', 'bob'],
      ['fay', 'east', 'bob'],
      ['wes', 'west', null],
      ['cy', 'west', 'wes'],
      ['ops', 'finance', null],
      ['root', 'hq', null],
    ]);
    const history = await get('/api/people/ann/history');
    expect(history['events']).toMatchObject([
      { type: 'PersonJoined', data: { orgRoles: ['rep'], team: 'east', manager: 'bob' } },
    ]);
  });

  it('lets only managers and admins change the org, and a moved rep loses sight of the old team’s deals', async () => {
    const open = {
      opportunityId: 'vis',
      customerId: 'acme',
      name: 'Visibility',
      amount: eur(1_000_00),
      expectedCloseDate: '2027-06-30',
      segment: 'strategic',
      customerType: 'new',
      owner: 'sam',
    };
    await ok(as('bob', 'POST', '/api/opportunities', open));
    expect((await as('ann', 'GET', '/api/opportunities/vis')).status).toBe(200);
    const refused = await as('ann', 'POST', '/api/people/ann/team', { team: 'west' });
    expect(refused).toMatchObject({ status: 403, body: { rule: 'managersOnly' } });

    const moved = await ok(
      as('bob', 'POST', '/api/people/ann/team', { team: 'west', reason: 'new region' }, occurred(MOVED)),
    );
    expect(moved['events']).toMatchObject([
      { type: 'PersonMovedTeam', data: { team: 'west', previousTeam: 'east' } },
    ]);
    // From the move on, ann is in west: sam's deal (east) is hidden from her, a 404.
    expect((await as('ann', 'GET', '/api/opportunities/vis')).status).toBe(404);
    expect((await as('cy', 'GET', '/api/opportunities/vis')).status).toBe(404);

    const feb = (await get(`/api/people?asOf=2026-02-01T00:00:00Z`))['people'] as Body[];
    expect(feb.find((p) => p['id'] === 'ann')).toMatchObject({ team: 'east' });
    const now = (await get('/api/people'))['people'] as Body[];
    expect(now.find((p) => p['id'] === 'ann')).toMatchObject({ team: 'west' });
    expect(await as('bob', 'POST', '/api/people/ann/manager', { manager: 'zed' })).toMatchObject({
      status: 400,
    });
  });

  it('her February win stays with east, her April win counts for west (by team, and filtered by team)', async () => {
    await won('feb', '2026-01-20T09:00:00.000Z', '2026-02-10T10:00:00.000Z', 50_000_00);
    await won('apr', '2026-03-20T09:00:00.000Z', '2026-04-11T10:00:00.000Z', 70_000_00);
    await eventually(async () => {
      const health = (await (await fetch(`${api.url}/health`)).json()) as {
        projections: { caughtUp: boolean };
      };
      expect(health.projections.caughtUp).toBe(true);
    }, 10_000);
    const byTeam = await get('/api/win-rates?by=team');
    // east: feb won = 1 / (1 + 0); west: apr won = 1 / (1 + 0); each with its own signed amount.
    expect((byTeam['groups'] as Body[]).map((g) => [g['key'], g['won'], g['wonAmount']])).toEqual([
      ['east', 1, [eur(50_000_00)]],
      ['west', 1, [eur(70_000_00)]],
    ]);
    const west = await get('/api/win-rates?by=period&team=west');
    expect((west['groups'] as Body[]).map((g) => [g['key'], g['won']])).toEqual([['2026-04', 1]]);
    const east = await get('/api/win-rates?by=period&team=east');
    expect((east['groups'] as Body[]).map((g) => [g['key'], g['won']])).toEqual([['2026-02', 1]]);
    const activity = (await get('/api/activity?team=west&unit=month'))['rows'] as Body[];
    expect(
      activity.filter((r) => (r['opportunities'] as Body)['won'] !== 0).map((r) => [r['rep'], r['period']]),
    ).toEqual([['ann', '2026-04']]);
  });

  it('by team as known at a log position: the org as the log held it there, not as known now', async () => {
    // ann wins on 5 May (still in west as far as anyone knows); then bob records, late, that she moved
    // back to east on 1 May. Known now, the May win is east's; known at a position before the move, west's.
    const caughtUp = () =>
      eventually(async () => {
        const health = (await (await fetch(`${api.url}/health`)).json()) as {
          projections: { caughtUp: boolean };
        };
        expect(health.projections.caughtUp).toBe(true);
      }, 10_000);
    const teams = async (query: string) => {
      const answer = await get(`/api/win-rates?by=team${query}`);
      return {
        position: String((answer['asOf'] as Body)['position']),
        won: (answer['groups'] as Body[]).map((g) => [g['key'], g['won']]),
      };
    };
    await won('may', '2026-04-20T09:00:00.000Z', '2026-05-05T10:00:00.000Z', 30_000_00);
    await caughtUp();
    const before = await teams('');
    expect(before.position).toMatch(/^\d{20}$/);
    // east feb = 1; west apr + may = 2.
    expect(before.won).toEqual([
      ['east', 1],
      ['west', 2],
    ]);
    await ok(
      as('bob', 'POST', '/api/people/ann/team', { team: 'east' }, occurred('2026-05-01T09:00:00.000Z')),
    );
    await caughtUp();
    // Known now: east feb + may = 2, west apr = 1. Known at the position before the move: as before.
    expect((await teams('')).won).toEqual([
      ['east', 2],
      ['west', 1],
    ]);
    expect((await teams(`&knownAt=${before.position}`)).won).toEqual(before.won);
    const westThen = (await get(`/api/win-rates?by=period&team=west&knownAt=${before.position}`))[
      'groups'
    ] as Body[];
    expect(westThen.map((g) => [g['key'], g['won']])).toEqual([
      ['2026-04', 1],
      ['2026-05', 1],
    ]);
  });

  it('a person who left signs in no more', async () => {
    await ok(as('wes', 'POST', '/api/people/cy/leave', { reason: 'moved on' }));
    expect(await as('cy', 'GET', '/api/people')).toMatchObject({ status: 401 });
  });
});
