import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { eur, INCENTIVE_TERMS } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';

const DAY = 86_400_000;

type Method = {
  method: string;
  expectedOpenMinor: number;
  contributions: { dealId: string; probability: number }[];
};
type Coverage = {
  targetMinor: number | null;
  wonMinor: number;
  openMinor: number;
  coverage: number | null;
  targets: { personId: string; period: string; targetMinor: number; rate: string; eventId: string }[];
  targetsWithoutRate: { personId: string; amount: { amountMinor: number; currency: string } }[];
};
type Forecast = { openDeals: number; knownAt: string | null; methods: Method[]; coverage: Coverage };

// GET /api/forecasts over real HTTP: three open deals in two teams, one called commit by a late entry.
describe('GET /api/forecasts', () => {
  let api: ApiProcess;
  let as: As;
  const t0 = Date.now();
  const daysAgo = (n: number) => new Date(t0 - n * DAY).toISOString();
  const now = new Date(t0);
  const q = Math.floor(now.getUTCMonth() / 3);
  const horizon = `${now.getUTCFullYear()}-Q${q + 1}`;
  // The quarter's last day: every deal is expected to close inside it.
  const quarterEnd = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10);
  let knownBeforeCall = '';

  const open = (who: 'ann' | 'sam' | 'cy', id: string, customerId: string, amountMinor: number) =>
    ok(
      as(
        who,
        'POST',
        '/api/opportunities',
        {
          opportunityId: id,
          customerId,
          name: `Deal ${id}`,
          amount: eur(amountMinor),
          expectedCloseDate: quarterEnd,
          segment: 'strategic',
          customerType: 'new',
          owner: who,
        },
        { 'X-Occurred-At': daysAgo(10) },
      ),
    );
  const forecast = async (who: 'ann' | 'bob' | 'cy' | 'ops', params: string) => {
    const answer = await as(who, 'GET', `/api/forecasts?horizon=${horizon}&${params}`);
    expect(answer.status).toBe(200);
    return answer.body as unknown as Forecast;
  };
  const method = (f: Forecast, name: string) => f.methods.find((m) => m.method === name) as Method;

  beforeAll(async () => {
    ({ api, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    await ownedCustomer(as, 'sam', 'beta');
    await ownedCustomer(as, 'cy', 'gamma');
    await open('ann', 'fa1', 'acme', 10_000_000);
    await open('sam', 'fs1', 'beta', 2_000_000);
    await open('cy', 'fc1', 'gamma', 4_000_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    knownBeforeCall = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A late entry: the commit call is dated five days ago but recorded now, after knownBeforeCall.
    await ok(
      as(
        'ann',
        'POST',
        '/api/opportunities/fa1/forecast-category',
        { category: 'commit', note: 'PO this month' },
        {
          'X-Occurred-At': daysAgo(5),
        },
      ),
    );
    // The live read model catches up after the command returns.
    await eventually(async () => {
      const f = await forecast('ops', 'method=category-weighted');
      expect(method(f, 'category-weighted').contributions.find((c) => c.dealId === 'fa1')?.probability).toBe(
        0.9,
      );
    });
  });
  afterAll(() => api.stop());

  it('weighs every open deal by stage and by category (ops see all)', async () => {
    const f = await forecast('ops', 'method=stage-weighted,category-weighted');
    expect(f.openDeals).toBe(3);
    expect(f.methods.map((m) => m.method)).toEqual(['stage-weighted', 'category-weighted']);
    // Stage open.opened is 0.05: (10,000,000 + 2,000,000 + 4,000,000) x 0.05 = 800,000.
    expect(method(f, 'stage-weighted').expectedOpenMinor).toBe(800_000);
    // fa1 commit 0.9 x 10,000,000 + fs1 and fc1 pipeline 0.2 x 6,000,000 = 9,000,000 + 1,200,000.
    expect(method(f, 'category-weighted').expectedOpenMinor).toBe(10_200_000);
  });

  it('answers every method by default, Monte Carlo with its quantiles', async () => {
    const f = await forecast('ops', '');
    expect(f.methods.map((m) => m.method)).toEqual([
      'stage-weighted',
      'category-weighted',
      'historical',
      'monte-carlo',
    ]);
    // Nothing has closed yet: the historical rates learned nothing, so every quantile is 0.
    expect(method(f, 'monte-carlo')).toMatchObject({ trials: 10_000, p10Minor: 0, p50Minor: 0, p90Minor: 0 });
  });

  it('shows a rep their own deals, a manager the team, another team nothing of it', async () => {
    const ids = async (who: 'ann' | 'bob' | 'cy') =>
      method(await forecast(who, 'method=stage-weighted'), 'stage-weighted').contributions.map(
        (c) => c.dealId,
      );
    expect(await ids('ann')).toEqual(['fa1']);
    expect((await ids('bob')).sort()).toEqual(['fa1', 'fs1']);
    expect(await ids('cy')).toEqual(['fc1']);
  });

  it('a late entry recorded after knownAt does not change the forecast known then', async () => {
    const asOf = daysAgo(1);
    const then = await forecast('ops', `method=category-weighted&asOf=${asOf}&knownAt=${knownBeforeCall}`);
    const nowKnown = await forecast('ops', `method=category-weighted&asOf=${asOf}`);
    // Known then: all three in pipeline, 0.2 x 16,000,000; known now: fa1 was commit from five days ago.
    expect(method(then, 'category-weighted').expectedOpenMinor).toBe(3_200_000);
    expect(method(nowKnown, 'category-weighted').expectedOpenMinor).toBe(10_200_000);
    expect(then.knownAt).toBe(knownBeforeCall);
  });

  it.each([
    ['method', 'method=magic'],
    ['horizon', 'horizon=2026-Q5'],
    ['horizon', 'horizon=quarter'],
  ])('refuses a bad %s with 400 naming it', async (field, params) => {
    const answer = await as('ops', 'GET', `/api/forecasts?${params}`);
    expect(answer.status).toBe(400);
    expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual([field]);
  });

  it('refuses an unknown category naming the field', async () => {
    const answer = await as('ann', 'POST', '/api/opportunities/fa1/forecast-category', { category: 'maybe' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('category');
  });

  it('lets only the AR or a manager call the category', async () => {
    const answer = await as('sam', 'POST', '/api/opportunities/fa1/forecast-category', {
      category: 'omitted',
    });
    expect(answer.status).toBe(403);
  });

  it('measures the open pipeline against the targets of the scope, converted at the rates in force', async () => {
    const month = `${now.getUTCFullYear()}-${String(q * 3 + 1).padStart(2, '0')}`;
    const setTarget = (planId: string, personId: string, targetMinor: number) =>
      ok(
        as('ops', 'POST', `/api/incentives/plans/${planId}/targets`, {
          personId,
          period: month,
          targetMinor,
          targetBonusMinor: 100_000,
          basis: { kind: 'baseSalary', amountMinor: 500_000 },
        }),
      );
    const effectiveFrom = `${now.getUTCFullYear()}-01`;
    await ok(
      as('ops', 'POST', '/api/incentives/plans', { planId: 'east', effectiveFrom, terms: INCENTIVE_TERMS }),
    );
    await ok(
      as('ops', 'POST', '/api/incentives/plans', {
        planId: 'west',
        effectiveFrom,
        terms: { ...INCENTIVE_TERMS, name: 'West', currency: 'USD', fxRates: {}, participants: ['cy'] },
      }),
    );
    await setTarget('east', 'ann', 5_000_000); // EUR 50,000.00
    await setTarget('east', 'sam', 3_000_000); // EUR 30,000.00
    await setTarget('west', 'cy', 4_000_000); // USD 40,000.00: no exchange rate published yet
    const coverage = async (who: 'ann' | 'bob' | 'ops', params = '') =>
      (await forecast(who, `method=stage-weighted${params}`)).coverage;
    const everyone = await eventually(async () => {
      const c = await coverage('ops');
      expect(c.targetsWithoutRate).toHaveLength(1);
      return c;
    });
    // Open in the horizon: 10,000,000 + 2,000,000 + 4,000,000 = 16,000,000, nothing won yet; targets
    // 5,000,000 (ann) + 3,000,000 (sam) = 8,000,000; cy's USD target has no rate: listed, not summed.
    expect(everyone).toMatchObject({
      targetMinor: 8_000_000,
      wonMinor: 0,
      openMinor: 16_000_000,
      coverage: 2,
    });
    expect(everyone.targets.map((t) => [t.personId, t.period, t.targetMinor, t.rate])).toEqual([
      ['ann', month, 5_000_000, '1'],
      ['sam', month, 3_000_000, '1'],
    ]);
    expect(everyone.targets.every((t) => t.eventId.length > 0)).toBe(true);
    expect(everyone.targetsWithoutRate).toEqual([
      expect.objectContaining({ personId: 'cy', amount: { amountMinor: 4_000_000, currency: 'USD' } }),
    ]);
    // The east team (bob sees his team): fa1 + fs1 = 12,000,000 against 8,000,000 = 1.5.
    expect(await coverage('bob', '&team=east')).toMatchObject({ targetMinor: 8_000_000, coverage: 1.5 });
    // ann's own: 10,000,000 against her 5,000,000 = 2; the west team, as ops: no target with a rate.
    expect(await coverage('ann', '&owner=ann')).toMatchObject({ targetMinor: 5_000_000, coverage: 2 });
    expect(await coverage('ops', '&team=west')).toMatchObject({ targetMinor: null, coverage: null });

    const effective = daysAgo(3).slice(0, 10);
    await ok(
      as('ops', 'POST', '/api/exchange-rates', {
        base: 'EUR',
        effectiveFrom: effective,
        rates: [{ currency: 'USD', rate: '0.9235' }],
        note: 'ECB',
      }),
    );
    const converted = await eventually(async () => {
      const c = await coverage('ops');
      expect(c.targetsWithoutRate).toEqual([]);
      return c;
    });
    // USD 40,000.00 x 0.9235 = EUR 36,940.00: 4,000,000 x 0.9235 = 3,694,000 cents. Targets 11,694,000;
    // coverage 16,000,000 / 11,694,000 = 1.36822… → 1.3682.
    expect(converted).toMatchObject({ targetMinor: 11_694_000, coverage: 1.3682 });
    expect(converted.targets.find((t) => t.personId === 'cy')).toMatchObject({
      targetMinor: 3_694_000,
      rate: '0.9235',
    });
  });
});
