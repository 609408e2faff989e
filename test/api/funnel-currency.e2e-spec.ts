import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { ok, ownedCustomer, startSession, type As } from '../support/session';

const DAY = 86_400_000;

type Reporting = {
  currency: string;
  amountMinor: number;
  converted: { currency: string; amountMinor: number; reportingMinor: number; rate: string }[];
  withoutRate: { currency: string; amountMinor: number; reason: string }[];
};
type Funnel = {
  currency: string;
  rates: { tableId: string; rates: Record<string, string> } | null;
  stages: { stage: string; deals: number; amount: unknown[]; reporting: Reporting }[];
  totals: { open: number; amount: { amountMinor: number; currency: string }[]; reporting: Reporting };
};
type Trend = {
  currency: string;
  points: { asOf: string; open: number; reporting: Reporting; rateTableId: string | null }[];
};

// GET /api/funnel and its trend in a reporting currency at the exchange rates in force, over real HTTP.
describe('the funnel in a reporting currency', () => {
  let api: ApiProcess;
  let as: As;
  const t0 = Date.now();
  const daysAgo = (n: number) => new Date(t0 - n * DAY).toISOString();
  let beforeRates = '';

  const open = (id: string, amountMinor: number, currency: string) =>
    ok(
      as(
        'ann',
        'POST',
        '/api/opportunities',
        {
          opportunityId: id,
          customerId: 'acme',
          name: `Deal ${id}`,
          amount: { amountMinor, currency },
          expectedCloseDate: '2099-06-30',
          segment: 'strategic',
          customerType: 'new',
          owner: 'ann',
        },
        { 'X-Occurred-At': daysAgo(10) },
      ),
    );
  const funnel = async (params = '') =>
    (await ok(as('bob', 'GET', `/api/funnel?${params}`))) as unknown as Funnel;
  const opened = (f: Funnel) => f.stages.find((s) => s.stage === 'open.opened')!;

  beforeAll(async () => {
    ({ api, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    await open('c-eur', 10_000_000, 'EUR'); // EUR 100,000.00
    await open('c-usd', 123_457, 'USD'); // USD 1,234.57
    await open('c-gbp', 50_000, 'GBP'); // GBP 500.00
    await eventually(async () => expect((await funnel()).totals.open).toBe(3));
    beforeRates = new Date().toISOString();
    await new Promise((done) => setTimeout(done, 10));
  });
  afterAll(() => api.stop());

  it('without a table, totals the reporting currency only and lists the other amounts', async () => {
    const f = await funnel();
    expect({ currency: f.currency, rates: f.rates }).toEqual({ currency: 'EUR', rates: null });
    expect(f.totals.reporting).toEqual({
      currency: 'EUR',
      amountMinor: 10_000_000,
      converted: [{ currency: 'EUR', amountMinor: 10_000_000, reportingMinor: 10_000_000, rate: '1' }],
      withoutRate: [
        { currency: 'GBP', amountMinor: 50_000, reason: 'no exchange rate table is in force' },
        { currency: 'USD', amountMinor: 123_457, reason: 'no exchange rate table is in force' },
      ],
    });
  });

  it('converts at the table in force, keeping the per-currency detail; as known before it, not', async () => {
    await ok(
      as('ops', 'POST', '/api/exchange-rates', {
        base: 'EUR',
        effectiveFrom: daysAgo(5).slice(0, 10),
        rates: [{ currency: 'USD', rate: '0.9235' }],
        note: 'ECB',
      }),
    );
    const f = await eventually(async () => {
      const answer = await funnel();
      expect(answer.rates).not.toBeNull();
      return answer;
    });
    // USD 1,234.57 x 0.9235 = EUR 1,140.125395 -> 114,013 cents; + EUR 100,000.00 = 10,114,013; GBP listed.
    const expected = {
      currency: 'EUR',
      amountMinor: 10_114_013,
      converted: [
        { currency: 'EUR', amountMinor: 10_000_000, reportingMinor: 10_000_000, rate: '1' },
        { currency: 'USD', amountMinor: 123_457, reportingMinor: 114_013, rate: '0.9235' },
      ],
      withoutRate: [
        { currency: 'GBP', amountMinor: 50_000, reason: expect.stringContaining('has no rate for GBP') },
      ],
    };
    expect(f.totals.reporting).toEqual(expected);
    expect(opened(f).reporting).toEqual(expected);
    // The per-currency amounts the dashboard reads are unchanged.
    expect(f.totals.amount).toEqual([
      { amountMinor: 10_000_000, currency: 'EUR' },
      { amountMinor: 50_000, currency: 'GBP' },
      { amountMinor: 123_457, currency: 'USD' },
    ]);
    // In USD: EUR 100,000.00 / 0.9235 = USD 108,283.7033… -> 10,828,370 cents; + 123,457 = 10,951,827.
    expect((await funnel('currency=USD')).totals.reporting).toMatchObject({
      currency: 'USD',
      amountMinor: 10_951_827,
    });
    const before = await funnel(`knownAt=${encodeURIComponent(beforeRates)}`);
    expect({ rates: before.rates, amountMinor: before.totals.reporting.amountMinor }).toEqual({
      rates: null,
      amountMinor: 10_000_000,
    });
  });

  it('reports every trend point at the table in force at it', async () => {
    const trend = (await ok(
      as('bob', 'GET', `/api/funnel/trend?from=${daysAgo(14)}&to=${new Date().toISOString()}&every=week`),
    )) as unknown as Trend;
    expect(trend.currency).toBe('EUR');
    // 14 days ago: nothing open; 7 days ago: the deals, no table yet (in force 5 days ago); now: converted.
    expect(trend.points.map((p) => [p.open, p.reporting.amountMinor, p.rateTableId !== null])).toEqual([
      [0, 0, false],
      [3, 10_000_000, false],
      [3, 10_114_013, true],
    ]);
  });

  it.each(['currency=EUX', 'currency=eur'])('refuses %s with 400 naming the field', async (params) => {
    for (const path of ['/api/funnel', `/api/funnel/trend?from=${daysAgo(7)}&to=${daysAgo(0)}&`]) {
      const answer = await as('bob', 'GET', `${path}${path.includes('?') ? '' : '?'}${params}`);
      expect(answer.status).toBe(400);
      expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toEqual(['currency']);
    }
  });
});
