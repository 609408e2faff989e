import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import type { Body } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As, type Session } from '../support/session';
import type { Person } from '../support/team';
import { wonDeal } from '../support/won-deal';

const monthOf = (d: Date): string => d.toISOString().slice(0, 7);
const nextMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(y, mo, 1)));
};

const TERMS = {
  name: 'e2e plan',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: {},
  pool: {
    signedRateBp: 1000,
    collectedRateBp: 0,
    strategicMultiplierBp: 10000,
    newCustomerMultiplierBp: 10000,
  },
  split: { AR: 5000, SR: 3000, FR: 2000 },
  attainment: { credit: 'whole', mode: 'marginal', tiers: [{ fromBp: 0, toBp: null, rateBp: 10000 }] },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: false },
  participants: ['ann', 'sam', 'fay'],
};

// The read side on the real server: a win in the running month, the month closed, a second win of the
// same month recorded after the close: the frozen statement keeps its bytes, the next month pays the
// difference and names the win; who may read whose statement.
describe('incentive statements over HTTP', () => {
  let api: ApiProcess;
  let as: As;
  let keys: Session['keys'];
  const month = monthOf(new Date());
  const statement = (who: Person, person: string, period: string, q = '') =>
    as(who, 'GET', `/api/incentives/statements/${person}/${period}${q}`);
  const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' } as const;
  let frozen: Body;
  let beforeClose: string;

  beforeAll(async () => {
    ({ api, as, keys } = await startSession());
    await ok(
      as('ops', 'POST', '/api/incentives/plans', { planId: 'p1', effectiveFrom: month, terms: TERMS }),
    );
    await ok(as('ops', 'POST', `/api/incentives/periods/p1.${month}/open`, {}));
    await ownedCustomer(as, 'ann', 'acme');
    await wonDeal(
      as,
      { id: 'd1', customerId: 'acme', owner: 'ann', manager: 'bob', amountMinor: 10_000_000 },
      triangle,
    );
    // 100,000.00 × 10 % = 10,000.00 pool; ann (AR) 50 % = 5,000.00
    await eventually(async () =>
      expect((await statement('ann', 'ann', month)).body['totals']).toMatchObject({ earnedMinor: 500_000 }),
    );
    beforeClose = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await ok(as('ops', 'POST', `/api/incentives/periods/p1.${month}/close`, {}));
    await eventually(async () =>
      expect((await statement('ann', 'ann', month)).body['status']).toBe('closed'),
    );
    frozen = (await statement('ann', 'ann', month)).body;
    await wonDeal(
      as,
      { id: 'd2', customerId: 'acme', owner: 'ann', manager: 'bob', amountMinor: 4_000_000 },
      triangle,
    );
  }, 120_000);
  afterAll(() => api.stop());

  it('keeps the closed month frozen and pays the late win as an adjustment in the next, naming it', async () => {
    const next = await eventually(async () => {
      const s = (await statement('ann', 'ann', nextMonth(month))).body;
      expect(s['adjustments']).toHaveLength(1);
      return s;
    });
    // d2: 40,000.00 × 10 % = 4,000.00 pool; ann 50 % = 2,000.00, signed in the closed month
    expect(next['adjustments']).toEqual([
      expect.objectContaining({
        corrects: { period: month, kind: 'signing', dealId: 'k-d2' },
        beforeMinor: 0,
        afterMinor: 200_000,
        deltaMinor: 200_000,
        // the win: the triangle on d2, also recorded after the close, changed nothing on its own
        causes: [
          expect.objectContaining({ type: 'OpportunityWon', streamId: 'opportunity-d2', actor: 'ann' }),
        ],
        reason: expect.stringMatching(/^win of EUR 40,000\.00 recorded /),
      }),
    ]);
    expect(JSON.stringify((await statement('ann', 'ann', month)).body)).toBe(JSON.stringify(frozen));
    expect(frozen['totals']).toMatchObject({
      earnedMinor: 500_000,
      periodTotalMinor: 500_000,
      payableMinor: 500_000,
    });
  });

  it('explains the adjustment and diffs the next month between the close and now, naming the win', async () => {
    const next = nextMonth(month);
    const x = (
      await statement(
        'ann',
        'ann',
        next,
        `/lines/${encodeURIComponent(`adjustment:${month}:signing:k-d2`)}/explain`,
      )
    ).body;
    expect(x).toMatchObject({ kind: 'adjustment', amountMinor: 200_000 });
    expect(x['formula']).toBe(`signing of ${month}: now 2,000.00 − paid 0.00 = 2,000.00`);
    const d = (
      await statement(
        'ann',
        'ann',
        next,
        `/diff?from=${encodeURIComponent(beforeClose)}&to=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).body;
    expect(d['changes']).toEqual([expect.objectContaining({ deltaMinor: 200_000 })]);
    expect((d['events'] as Body[]).map((e) => e['type'])).toEqual(['OpportunityWon']);
    expect((await statement('ann', 'ann', next, '/diff?to=2026-01-01T00:00:00Z')).status).toBe(400);
  });

  it('answers what-if with a draft split, writing nothing', async () => {
    const draft = { ...TERMS, split: { AR: 6000, SR: 2000, FR: 2000 } };
    const body = { planId: 'p1', terms: draft, from: month, to: month };
    const answer = await as('ops', 'POST', '/api/incentives/what-if', body);
    expect(answer.status).toBe(200);
    // the month's signings: d1 10,000.00 + d2 4,000.00 pool; ann 50 % = 7,000.00 live, 60 % = 8,400.00
    expect((answer.body['rows'] as Body[]).find((r) => r['personId'] === 'ann')).toEqual({
      personId: 'ann',
      period: month,
      liveMinor: 700_000,
      whatIfMinor: 840_000,
      differenceMinor: 140_000,
    });
    const bad = await as('ops', 'POST', '/api/incentives/what-if', {
      ...body,
      terms: { ...draft, split: { AR: 1, SR: 1, FR: 1 } },
    });
    expect(bad.status).toBe(400);
    expect((await as('sam', 'POST', '/api/incentives/what-if', body)).status).toBe(403);
  });

  it('answers as known before the close: the month open, with d1 only', async () => {
    const then = (await statement('ann', 'ann', month, `?knownAt=${encodeURIComponent(beforeClose)}`)).body;
    expect(then).toMatchObject({ status: 'open', knownAt: beforeClose, totals: { earnedMinor: 500_000 } });
  });

  it("lists the plan's periods: the month closed (at which position, by whom), the next open, each person's totals", async () => {
    const next = nextMonth(month);
    const answer = await as('ops', 'GET', '/api/incentives/plans/p1/periods');
    expect(answer.status).toBe(200);
    const close = (await as('ops', 'GET', `/api/incentives/periods/p1.${month}/history`)).body[
      'events'
    ] as Body[];
    const closed = close.find((e) => e['type'] === 'IncentivePeriodClosed');
    expect(answer.body).toEqual({
      planId: 'p1',
      currency: 'EUR',
      periods: [
        {
          period: month,
          status: 'closed',
          from: `${month}-01T00:00:00.000Z`,
          to: `${next}-01T00:00:00.000Z`,
          closedBy: 'ops',
          frozenAt: closed?.['position'],
          // d1 100,000.00 × 10 % = 10,000.00: ann 50 %, sam 30 %, fay 20 %
          totals: [
            { personId: 'ann', periodTotalMinor: 500_000, payableMinor: 500_000, carriedOutMinor: 0 },
            { personId: 'fay', periodTotalMinor: 200_000, payableMinor: 200_000, carriedOutMinor: 0 },
            { personId: 'sam', periodTotalMinor: 300_000, payableMinor: 300_000, carriedOutMinor: 0 },
          ],
        },
        {
          period: next,
          status: 'open',
          from: `${next}-01T00:00:00.000Z`,
          to: expect.stringMatching(/-01T00:00:00\.000Z$/),
          closedBy: null,
          frozenAt: null,
          // d2 (40,000.00 × 10 % = 4,000.00), won after the close: adjustments paid here
          totals: [
            { personId: 'ann', periodTotalMinor: 200_000, payableMinor: 200_000, carriedOutMinor: 0 },
            { personId: 'fay', periodTotalMinor: 80_000, payableMinor: 80_000, carriedOutMinor: 0 },
            { personId: 'sam', periodTotalMinor: 120_000, payableMinor: 120_000, carriedOutMinor: 0 },
          ],
        },
      ],
    });
    const rep = await as('ann', 'GET', '/api/incentives/plans/p1/periods');
    expect(rep).toMatchObject({ status: 403, body: { rule: 'opsOnly' } });
    expect((await as('ops', 'GET', '/api/incentives/plans/nope/periods')).status).toBe(404);
  });

  it('exports the payroll CSV of a period (ops): earned, adjustments, total to pay, to the cent', async () => {
    const csv = (id: string, who: 'ops' | 'ann' = 'ops', q = '') =>
      fetch(`${api.url}/api/incentives/periods/${id}/export${q}`, {
        headers: { authorization: `Bearer ${keys[who]}` },
      });
    const closed = await csv(`p1.${month}`);
    expect(closed.status).toBe(200);
    expect(closed.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await closed.text()).toBe(
      'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\n' +
        `ann,${month},EUR,closed,5000.00,0.00,0.00,5000.00,0.00\n` +
        `fay,${month},EUR,closed,2000.00,0.00,0.00,2000.00,0.00\n` +
        `sam,${month},EUR,closed,3000.00,0.00,0.00,3000.00,0.00\n`,
    );
    const next = nextMonth(month);
    expect(await (await csv(`p1.${next}`, 'ops', '?format=csv')).text()).toBe(
      'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\n' +
        `ann,${next},EUR,open,0.00,2000.00,0.00,2000.00,0.00\n` +
        `fay,${next},EUR,open,0.00,800.00,0.00,800.00,0.00\n` +
        `sam,${next},EUR,open,0.00,1200.00,0.00,1200.00,0.00\n`,
    );
    expect((await csv(`p1.${month}`, 'ann')).status).toBe(403);
    expect((await csv(`p1.${month}`, 'ops', '?format=xlsx')).status).toBe(400);
    expect((await csv('p1.November')).status).toBe(400);
    const never = await csv('p1.2020-01');
    expect(never.status).toBe(404);
    expect(((await never.json()) as Body)['message']).toBe(
      'plan "p1" has no period 2020-01: it was never opened and nothing was earned in it',
    );
    expect((await csv(`nope.${month}`)).status).toBe(404);
  });

  it('lets a rep read their own, the manager their people, ops everyone; not another rep', async () => {
    expect((await statement('sam', 'sam', month)).status).toBe(200);
    expect((await statement('bob', 'ann', month)).status).toBe(200);
    expect((await statement('ops', 'ann', month)).status).toBe(200);
    const refused = await statement('sam', 'ann', month);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ rule: 'ownStatementOrReport' });
    expect((await statement('ann', 'ann', 'November')).status).toBe(400);
  });

  // Last: it changes the org. Ann moves from east (bob) to west (wes) now, inside the closed month.
  it('a person who moved team: her statements stay hers, unchanged; the new manager reads them, the old one the periods he managed her in', async () => {
    const next = nextMonth(month);
    const before = {
      closed: JSON.stringify((await statement('ann', 'ann', month)).body),
      open: JSON.stringify((await statement('ann', 'ann', next)).body),
    };
    expect((await statement('wes', 'ann', month)).status).toBe(403);
    await ok(as('bob', 'POST', '/api/people/ann/team', { team: 'west', reason: 'new region' }));
    await ok(as('bob', 'POST', '/api/people/ann/manager', { manager: 'wes' }));
    await eventually(async () => expect((await statement('wes', 'ann', month)).status).toBe(200));
    // earnings follow the person, not the team: no adjustment, the frozen month keeps its bytes, and the
    // open month still pays only the late d2 (2,000.00)
    expect(JSON.stringify((await statement('ann', 'ann', month)).body)).toBe(before.closed);
    expect(JSON.stringify((await statement('ann', 'ann', next)).body)).toBe(before.open);
    // wes manages her now: every period; bob managed her during the closed month (until the move), not
    // in the next one, which begins after it
    expect((await statement('wes', 'ann', next)).status).toBe(200);
    expect((await statement('bob', 'ann', month)).status).toBe(200);
    const later = await statement('bob', 'ann', next);
    expect(later).toMatchObject({ status: 403, body: { rule: 'ownStatementOrReport' } });
    expect((await statement('cy', 'ann', month)).status).toBe(403);
  });
});
