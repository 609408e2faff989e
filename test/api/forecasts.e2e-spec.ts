import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { eur } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';

const DAY = 86_400_000;

type Method = {
  method: string;
  expectedOpenMinor: number;
  contributions: { dealId: string; probability: number }[];
};
type Forecast = { openDeals: number; knownAt: string | null; methods: Method[] };

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
});
