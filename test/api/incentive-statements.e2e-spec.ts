import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import type { Body } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
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
  const month = monthOf(new Date());
  const statement = (who: 'ann' | 'sam' | 'bob' | 'ops', person: string, period: string, q = '') =>
    as(who, 'GET', `/api/incentives/statements/${person}/${period}${q}`);
  const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' } as const;
  let frozen: Body;
  let beforeClose: string;

  beforeAll(async () => {
    ({ api, as } = await startSession());
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
        // the triangle on d2 (who holds AR) and its win, both recorded after the close
        causes: [
          expect.objectContaining({ type: 'IronTriangleAssigned', streamId: 'opportunity-d2', actor: 'bob' }),
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
    expect((d['events'] as Body[]).map((e) => e['type'])).toEqual(['IronTriangleAssigned', 'OpportunityWon']);
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

  it('lets a rep read their own, the manager their people, ops everyone; not another rep', async () => {
    expect((await statement('sam', 'sam', month)).status).toBe(200);
    expect((await statement('bob', 'ann', month)).status).toBe(200);
    expect((await statement('ops', 'ann', month)).status).toBe(200);
    const refused = await statement('sam', 'ann', month);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ rule: 'ownStatementOrReport' });
    expect((await statement('ann', 'ann', 'November')).status).toBe(400);
  });
});
