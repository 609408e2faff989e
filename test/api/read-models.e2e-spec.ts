import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { call, type Answer } from '../support/http';
import { ok, ownedCustomer, startSession, type As, type Session } from '../support/session';
import type { Person } from '../support/team';
import { eur, nowIso, type Body } from '../support/fixtures';

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const GATES = ['opportunityApproval', 'solutionConsensus', 'quoteReview'] as const;

describe('read models over HTTP', () => {
  let session: Session;
  let api: ApiProcess;
  let as: As;
  const get = (who: Person, path: string) => as(who, 'GET', path);
  const post = (who: Person, id: string, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/opportunities/${id}/${verb}`, body);

  /** Open, triangle, validate, the three gates and the bid; every approval from the triangle. */
  async function toBid(
    id: string,
    customerId: string,
    owner: Person,
    triangle: Record<'AR' | 'SR' | 'FR', Person>,
    manager: Person,
  ) {
    await ok(
      as(owner, 'POST', '/api/opportunities', {
        opportunityId: id,
        customerId,
        name: `Deal ${id}`,
        amount: eur(10_000_000),
        expectedCloseDate: '2027-06-30',
        segment: 'strategic',
        customerType: 'new',
        owner,
      }),
    );
    await ok(post(manager, id, 'triangle', { triangle }));
    await ok(post(owner, id, 'validate', VALIDATION));
    for (const gate of GATES) {
      if (gate === 'solutionConsensus')
        await ok(post(triangle.SR, id, 'pre-bid-guidance', { note: 'guided' }));
      if (gate === 'quoteReview')
        await ok(post(triangle.SR, id, 'quote', { quoteReference: `Q-${id}`, amount: eur(9_000_000) }));
      await ok(post(owner, id, `gates/${gate}/review`));
      for (const role of ['AR', 'SR', 'FR'] as const) {
        await ok(post(triangle[role], id, `gates/${gate}/votes`, { role, decision: 'approve' }));
      }
    }
    await ok(
      post(owner, id, 'bid', { quoteReference: `Q-${id}`, amount: eur(9_000_000), validUntil: '2099-12-31' }),
    );
  }

  /** Waits until every serving read model has applied the last event. */
  const caughtUp = () =>
    eventually(async () => {
      const health = (await (await fetch(`${api.url}/health`)).json()) as {
        projections: { caughtUp: boolean };
      };
      expect(health.projections.caughtUp).toBe(true);
    }, 10_000);

  let recorded: { instant: string; funnel: Body; winRates: Body };

  beforeAll(async () => {
    session = await startSession();
    ({ api, as } = session);
    await ownedCustomer(as, 'ann', 'acme');
    await ownedCustomer(as, 'cy', 'wayne', 'ordinary');
    const east = { AR: 'ann', SR: 'sam', FR: 'fay' } as const;
    await toBid('d1', 'acme', 'ann', east, 'bob');
    await ok(
      post('ann', 'd1', 'win', {
        contractId: 'k-d1',
        signedAmount: eur(9_000_000),
        signedAt: nowIso(),
      }),
      'won',
    );
    await caughtUp();
    // What the live read models show now, and the instant right after: the as-of test replays to it.
    recorded = {
      funnel: (await get('bob', '/api/funnel')).body,
      winRates: (await get('bob', '/api/win-rates?by=rep')).body,
      instant: new Date().toISOString(),
    };
    await new Promise((resolve) => setTimeout(resolve, 20));
    await toBid('d2', 'acme', 'ann', east, 'bob');
    await ok(post('ann', 'd2', 'lose', { reason: 'price', competitor: 'Globex' }), 'lost');
    await ok(
      as('cy', 'POST', '/api/opportunities', {
        opportunityId: 'd3',
        customerId: 'wayne',
        name: 'Deal d3',
        amount: eur(500_000),
        expectedCloseDate: '2027-06-30',
        segment: 'ordinary',
        customerType: 'new',
        owner: 'cy',
      }),
    );
    await ok(post('wes', 'd3', 'triangle', { triangle: { AR: 'cy', SR: 'cy', FR: 'cy' } }));
    await ok(post('cy', 'd3', 'abandon', { reason: 'budget frozen' }), 'abandoned');
    await caughtUp();
  });
  afterAll(() => api.stop());

  it('answers win rates by rep: ann 1 won / (1 won + 1 lost) = 0.5, cy abandoned apart', async () => {
    const { status, body } = await get('bob', '/api/win-rates?by=rep');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      asOf: { live: true },
      by: 'rep',
      groups: [
        {
          key: 'ann',
          won: 1,
          lost: 1,
          abandoned: 0,
          winRate: 0.5,
          wonAmount: [eur(9_000_000)],
          lostAmount: [eur(10_000_000)],
        },
        { key: 'cy', won: 0, lost: 0, abandoned: 1, winRate: null },
      ],
      total: { won: 1, lost: 1, abandoned: 1, winRate: 0.5 },
    });
    const losses = await get('bob', '/api/win-rates/losses');
    expect(losses.body).toMatchObject({
      lost: 1,
      competitors: [{ value: 'Globex', count: 1 }],
      abandoned: { count: 1 },
    });
    const byTeam = await get('bob', '/api/win-rates?by=team');
    expect((byTeam.body['groups'] as Body[]).map((g) => [g['key'], g['winRate']])).toEqual([
      ['east', 0.5],
      ['west', null],
    ]);
  });

  it('answers the funnel: outcomes, stage moves and time in stage, filtered', async () => {
    const { status, body } = await get('bob', '/api/funnel');
    expect(status).toBe(200);
    const stages = body['stages'] as { stage: string; deals: number; entered: number }[];
    expect(stages.find((s) => s.stage === 'won')).toMatchObject({ deals: 1, entered: 1 });
    expect(stages.find((s) => s.stage === 'lost')).toMatchObject({ deals: 1 });
    expect(stages.find((s) => s.stage === 'open.quoteReview')).toMatchObject({ entered: 2 });
    expect(body['totals']).toMatchObject({ open: 0, won: 1, lost: 1, abandoned: 1 });
    const westOnly = await get('bob', '/api/funnel?team=west');
    expect(westOnly.body['totals']).toMatchObject({ won: 0, lost: 0, abandoned: 1 });
    const sam = await get('bob', '/api/funnel?person=sam&role=SR&segment=strategic');
    expect(sam.body['totals']).toMatchObject({ won: 1, lost: 1, abandoned: 0 });
    const leads = await get('bob', '/api/funnel/leads');
    expect(leads.body).toMatchObject({ total: { source: 'all', captured: 0 } });
  });

  it('shows a rep only their own team', async () => {
    const mine = await get('cy', '/api/win-rates?by=rep');
    expect((mine.body['groups'] as Body[]).map((g) => g['key'])).toEqual(['cy']);
    const funnel = await get('cy', '/api/funnel');
    expect(funnel.body['totals']).toMatchObject({ won: 0, lost: 0, abandoned: 1 });
    const gates = await get('cy', '/api/gate-decisions');
    expect(gates.body).toMatchObject({ total: 0 });
    expect((await get('ann', '/api/gate-decisions?stream=opportunity-d1')).body).toMatchObject({ total: 3 });
  });

  it('answers as known at a past instant exactly what the live read models showed then', async () => {
    const funnel = await get('bob', `/api/funnel?knownAt=${encodeURIComponent(recorded.instant)}`);
    const winRates = await get(
      'bob',
      `/api/win-rates?by=rep&knownAt=${encodeURIComponent(recorded.instant)}`,
    );
    const without = ({ asOf: _, ...rest }: Body) => rest;
    expect(funnel.body['asOf']).toMatchObject({
      live: false,
      instant: recorded.instant,
      knownAt: recorded.instant,
      asOf: null,
    });
    expect(without(funnel.body)).toEqual(without(recorded.funnel));
    expect(without(winRates.body)).toEqual(without(recorded.winRates));
    expect(winRates.body['total']).toMatchObject({ won: 1, lost: 0 });
    const position = (funnel.body['asOf'] as Body)['position'] as string;
    const byPosition = await get('bob', `/api/funnel?knownAt=${position}`);
    expect(without(byPosition.body)).toEqual(without(recorded.funnel));
  });

  it('lists gate decisions with every vote and the policy in force', async () => {
    const { body } = await get('bob', '/api/gate-decisions?stream=opportunity-d1&gate=quoteReview');
    expect(body).toMatchObject({
      total: 1,
      rounds: [
        {
          gate: 'quoteReview',
          round: 1,
          outcome: 'passed',
          policy: { requiredRoles: ['AR', 'SR', 'FR'], onRejection: 'endRound' },
          votes: [
            { role: 'AR', voter: 'ann', decision: 'approve' },
            { role: 'SR', voter: 'sam', decision: 'approve' },
            { role: 'FR', voter: 'fay', decision: 'approve' },
          ],
        },
      ],
    });
  });

  it('gives the audit timeline with the state after each event, as of any instant, and verifies the chain', async () => {
    const timeline = await get('ann', '/api/audit/opportunity-d1/timeline');
    expect(timeline.status).toBe(200);
    const entries = timeline.body['entries'] as Body[];
    expect(entries[0]).toMatchObject({
      type: 'OpportunityOpened',
      actor: 'ann',
      stateAfter: 'open.opened',
      commandType: 'OpenOpportunity',
    });
    expect(entries.at(-1)).toMatchObject({
      type: 'OpportunityWon',
      stateBefore: 'open.bidSubmitted',
      stateAfter: 'won',
    });
    expect(entries[1]!['previousHash']).toBe(entries[0]!['hash']);
    const earlier = await get(
      'ann',
      `/api/audit/opportunity-d1/timeline?knownAt=${entries[2]!['position'] as string}`,
    );
    expect(earlier.body).toMatchObject({ state: 'open.validated', asOf: { live: false } });
    expect(earlier.body['entries']).toHaveLength(3);
    expect((await get('ann', '/api/audit/opportunity-d1/verify')).body).toEqual({
      streamId: 'opportunity-d1',
      events: entries.length,
      ok: true,
      firstBreak: null,
    });
    const csv = await fetch(`${api.url}/api/audit/opportunity-d1/export?format=csv`, {
      headers: { authorization: `Bearer ${session.keys.ann}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^revision,position,id,type,/);
  });

  it('hides streams the caller may not see, and refuses bad input', async () => {
    expect((await get('cy', '/api/audit/opportunity-d1/timeline')).status).toBe(404);
    expect((await get('cy', '/api/audit/opportunity-d1/verify')).status).toBe(404);
    expect((await get('bob', '/api/audit/opportunity-nope/timeline')).body).toMatchObject({
      code: 'STREAM_NOT_FOUND',
    });
    expect((await get('bob', '/api/audit/order-1/timeline')).body).toMatchObject({ code: 'INVALID_INPUT' });
    const bad = await get('bob', '/api/funnel?asOf=yesterday&colour=red');
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    expect((bad.body['errors'] as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'asOf',
      'colour',
    ]);
    expect((await get('bob', '/api/win-rates?by=colour')).status).toBe(400);
    expect((await call(api.url, 'GET', '/api/funnel')).status).toBe(401);
  });

  it('reports projections and their lag, on /api/projections and /health', async () => {
    const status = (await get('bob', '/api/projections')) as unknown as Answer<Body[]>;
    expect(status.body.map((s) => [s['name'], s['status'], s['lag']])).toEqual([
      ['activity', 'serving', 0],
      ['deal-index', 'serving', 0],
      ['forecast', 'serving', 0],
      ['funnel', 'serving', 0],
      ['gate-decisions', 'serving', 0],
      ['incentive-statements', 'serving', 0],
      ['late-entries', 'serving', 0],
      ['win-rate', 'serving', 0],
    ]);
    const health = (await (await fetch(`${api.url}/health`)).json()) as Body;
    expect(health['projections']).toMatchObject({ caughtUp: true, lag: 0 });
  });

  it('streams projection updates as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/projections/feed`, {
      headers: { authorization: `Bearer ${session.keys.bob}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the feed ended before ${pattern.source}: ${text}`);
        text += new TextDecoder().decode(chunk.value);
      }
    };
    await until(/event: status/);
    await ok(
      as('ann', 'POST', '/api/customers/acme/touches', {
        channel: 'visit',
        note: 'lunch',
        touchedAt: new Date().toISOString(),
      }),
    );
    await until(/event: batch\n(id: \d+\n)?data: \{[^\n]*"name":"activity"/);
    controller.abort();
  });
});
