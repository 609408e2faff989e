import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { ok, startSession, type As } from '../support/session';
import type { Person } from '../support/team';

type Line = Record<string, unknown>;

/** What operating the service needs: JSON logs, security headers, a body limit and a rate limit per key. */
describe('operating the api', () => {
  let api: ApiProcess;
  let as: As;
  let keys: Record<Person, string>;

  beforeAll(async () => {
    ({ api, as, keys } = await startSession({ RATE_LIMIT_PER_MINUTE: '40' }));
  });
  afterAll(() => api.stop());

  const lines = (): Line[] =>
    api
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);

  it('logs JSON lines only, quiet about the framework at info, with the listening line', () => {
    const all = lines();
    expect(all.some((l) => /ltc api listening on http:\/\/127\.0\.0\.1:\d+/.test(String(l['msg'])))).toBe(
      true,
    );
    expect(all.filter((l) => /Mapped \{|RoutesResolver|InstanceLoader/.test(JSON.stringify(l)))).toEqual([]);
    for (const l of all) expect(l).toMatchObject({ level: expect.any(Number), time: expect.any(String) });
  });

  it('logs one line per request: method, route, status, duration, actor and correlation id', async () => {
    await ok(
      as(
        'ann',
        'POST',
        '/api/customers',
        { customerId: 'acme', name: 'ACME', segment: 'strategic' },
        {
          'X-Correlation-Id': 'flow-acme-0001',
        },
      ),
    );
    const touched = await call(api.url, 'GET', '/api/customers/acme', { key: keys.ann });
    expect(touched.status).toBe(200);
    // The line is written when the answer has been sent: it may reach the pipe a moment later.
    const requests = await eventually(async () => {
      const logged = lines().filter((l) => l['route'] === '/api/customers/:id');
      expect(logged).toHaveLength(1);
      return Promise.resolve(lines().filter((l) => l['route'] !== undefined));
    });
    expect(requests.filter((l) => l['correlationId'] === 'flow-acme-0001')).toEqual([
      expect.objectContaining({
        method: 'POST',
        route: '/api/customers',
        status: 200,
        actor: 'ann',
        durationMs: expect.any(Number),
      }),
    ]);
    expect(requests.filter((l) => l['route'] === '/api/customers/:id')).toEqual([
      expect.objectContaining({
        method: 'GET',
        status: 200,
        actor: 'ann',
        correlationId: expect.any(String),
      }),
    ]);
  });

  it('sends security headers and no X-Powered-By, and echoes the correlation id', async () => {
    for (const path of ['/api/leads', '/health', '/docs-json']) {
      const res = await fetch(`${api.url}${path}`, { headers: { 'x-correlation-id': 'probe-headers-01' } });
      expect({ path, poweredBy: res.headers.get('x-powered-by') }).toEqual({ path, poweredBy: null });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-correlation-id')).toBe('probe-headers-01');
    }
  });

  it('refuses a body over 100 kB with 413 and appends nothing', async () => {
    const note = 'x'.repeat(110 * 1024);
    const big = await as('ann', 'POST', '/api/customers', {
      customerId: 'huge',
      name: note,
      segment: 'ordinary',
    });
    expect(big).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((await as('root', 'GET', '/api/customers/huge')).status).toBe(404);
  });

  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE for one key, not for another, nor /health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await call(api.url, 'GET', '/api/leads', { key: keys.sam })).status);
    // 40 a minute for sam: every request before the limit answered, every one after it refused.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(0);
    expect(statuses.slice(0, firstRefused).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
    const refused = await fetch(`${api.url}/api/leads`, { headers: { authorization: `Bearer ${keys.sam}` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect((await call(api.url, 'GET', '/api/leads', { key: keys.fay })).status).toBe(200);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});
