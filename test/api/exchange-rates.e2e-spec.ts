import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { ok, ownedCustomer, startSession, type As } from '../support/session';

const DAY = 86_400_000;

type Forecast = {
  currency: string;
  openDeals: number;
  rates: { base: string; effectiveFrom: string; rates: Record<string, string> } | null;
  currencies: {
    currency: string;
    openDeals: number;
    openAmountMinor: number;
    openReportingMinor: number | null;
  }[];
  excluded: { currency: string; deals: number; amountMinor: number; dealIds: string[] }[];
  methods: {
    method: string;
    expectedOpenMinor: number;
    contributions: { dealId: string; amountMinor: number }[];
  }[];
};

// POST /api/exchange-rates and the forecast in a reporting currency at the rates in force, over real HTTP.
describe('exchange rates and the reporting currency', () => {
  let api: ApiProcess;
  let as: As;
  const t0 = Date.now();
  const daysAgo = (n: number) => new Date(t0 - n * DAY).toISOString();
  const now = new Date(t0);
  const q = Math.floor(now.getUTCMonth() / 3);
  const horizon = `${now.getUTCFullYear()}-Q${q + 1}`;
  const quarterEnd = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10);
  const effectiveFrom = daysAgo(5).slice(0, 10);
  let beforeRates = '';
  const TABLE = { base: 'EUR', effectiveFrom, rates: [{ currency: 'USD', rate: '0.9235' }], note: 'ECB' };

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
          expectedCloseDate: quarterEnd,
          segment: 'strategic',
          customerType: 'new',
          owner: 'ann',
        },
        { 'X-Occurred-At': daysAgo(10) },
      ),
    );
  const forecast = async (params: string) => {
    const answer = await ok(
      as('ops', 'GET', `/api/forecasts?horizon=${horizon}&method=stage-weighted&${params}`),
    );
    return answer as unknown as Forecast;
  };
  const tables = async () => {
    const answer = await as('ops', 'GET', '/api/exchange-rates/EUR/history');
    return answer.status === 404 ? 0 : (answer.body['events'] as unknown[]).length;
  };

  beforeAll(async () => {
    ({ api, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    await open('r-eur', 10_000_000, 'EUR'); // EUR 100,000.00
    await open('r-usd', 123_457, 'USD'); // USD 1,234.57
    await open('r-gbp', 50_000, 'GBP'); // GBP 500.00
    await eventually(async () => expect((await forecast('')).currencies).toHaveLength(3));
    beforeRates = new Date().toISOString();
    await new Promise((done) => setTimeout(done, 10));
  });
  afterAll(() => api.stop());

  it('without a table, reports the other currencies per currency and lists their deals', async () => {
    const f = await forecast('');
    expect(f.rates).toBeNull();
    expect(f.openDeals).toBe(1);
    expect(f.excluded).toEqual([
      { currency: 'GBP', deals: 1, amountMinor: 50_000, dealIds: ['r-gbp'] },
      { currency: 'USD', deals: 1, amountMinor: 123_457, dealIds: ['r-usd'] },
    ]);
  });

  it('refuses a rep (403 opsOnly) and bad tables (400 naming the field), appending nothing', async () => {
    const rep = await as('ann', 'POST', '/api/exchange-rates', TABLE);
    expect({ status: rep.status, rule: rep.body['rule'] }).toEqual({ status: 403, rule: 'opsOnly' });
    for (const [field, body] of [
      [
        'rates[1].currency',
        {
          ...TABLE,
          rates: [
            { currency: 'USD', rate: '0.92' },
            { currency: 'USD', rate: '0.93' },
          ],
        },
      ],
      ['rates[0].rate', { ...TABLE, rates: [{ currency: 'USD', rate: '0' }] }],
      ['rates[0].currency', { ...TABLE, rates: [{ currency: 'XYZ', rate: '1.1' }] }],
      ['base', { ...TABLE, base: 'EUX' }],
    ] as const) {
      const answer = await as('ops', 'POST', '/api/exchange-rates', body);
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    expect(await tables()).toBe(0);
  });

  it('converts at the table in force, exact and rounded once; a currency without a rate is listed', async () => {
    const published = await ok(as('ops', 'POST', '/api/exchange-rates', TABLE));
    expect(published).toMatchObject({ streamId: 'exchange-rates-EUR' });
    const f = await eventually(async () => {
      const answer = await forecast('');
      expect(answer.rates).not.toBeNull();
      return answer;
    });
    expect(f.rates).toMatchObject({ base: 'EUR', effectiveFrom, rates: { USD: '0.9235' } });
    // USD 1,234.57 x 0.9235 = EUR 1,140.125395 -> 114,013 cents (half away from zero, once)
    expect(f.currencies).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        openAmountMinor: 10_000_000,
        openReportingMinor: 10_000_000,
      }),
      expect.objectContaining({ currency: 'GBP', openAmountMinor: 50_000, openReportingMinor: null }),
      expect.objectContaining({ currency: 'USD', openAmountMinor: 123_457, openReportingMinor: 114_013 }),
    ]);
    expect(f.excluded).toEqual([{ currency: 'GBP', deals: 1, amountMinor: 50_000, dealIds: ['r-gbp'] }]);
    // Stage opened 0.05: 10,000,000 x 0.05 = 500,000; 114,013 x 0.05 = 5,700.65 -> 5,701; sum 505,701.
    const stage = f.methods[0]!;
    expect(stage.contributions.map((c) => [c.dealId, c.amountMinor])).toEqual([
      ['r-eur', 10_000_000],
      ['r-usd', 114_013],
    ]);
    expect(stage.expectedOpenMinor).toBe(505_701);
  });

  it('reports in another currency through the base: EUR 100,000.00 / 0.9235 = USD 108,283.70', async () => {
    const f = await forecast('currency=USD');
    expect(f.currency).toBe('USD');
    // 10,000,000 / 0.9235 = 10,828,370.33 -> 10,828,370 cents
    expect(f.methods[0]!.contributions.map((c) => [c.dealId, c.amountMinor])).toEqual([
      ['r-eur', 10_828_370],
      ['r-usd', 123_457],
    ]);
  });

  it('uses no table before its effective day, nor one recorded after knownAt', async () => {
    const early = await forecast(`asOf=${daysAgo(7)}`);
    expect(early.rates).toBeNull();
    expect(early.excluded.map((e) => e.currency)).toEqual(['GBP', 'USD']);
    const unknown = await forecast(`knownAt=${beforeRates}`);
    expect(unknown.rates).toBeNull();
  });

  it('refuses an unknown reporting currency naming the field', async () => {
    const answer = await as('ops', 'GET', `/api/forecasts?currency=XYZ`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('currency');
  });
});
