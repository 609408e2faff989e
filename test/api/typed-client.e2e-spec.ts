import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import createClient from 'openapi-fetch';
import type { ApiProcess } from '../support/api-process';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import type { Person } from '../support/team';

const root = resolve(__dirname, '../..');

/** A program a client author would write against the generated types: commands, queries, errors. */
const SAMPLE = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type StateName = components['schemas']['StateName'];
type CommandName = components['schemas']['CommandName'];
type ErrorCode = components['schemas']['ErrorCode'];
type ForecastMethod = components['schemas']['ForecastMethod'];

export async function sample(baseUrl: string, key: string): Promise<string[]> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${key}\` } });
  const seen: string[] = [];

  const funnel = await api.GET('/api/funnel', { params: { query: { stalledDays: 30, asOf: '2026-06-30' } } });
  if (funnel.data !== undefined) seen.push(String(funnel.data.asOf.live));
  const rounds = await api.GET('/api/gate-decisions', { params: { query: { limit: 10, offset: 0 } } });
  if (rounds.data !== undefined) seen.push(String(rounds.data.rounds.length));
  const leads = await api.GET('/api/leads', { params: { query: { limit: 5, offset: 0 } } });
  if (leads.data !== undefined) seen.push(String(leads.data.items.length));
  const history = await api.GET('/api/customers/{id}/history', {
    params: { path: { id: 'acme' }, query: { from: 0, limit: 10 } },
  });
  if (history.data !== undefined) seen.push(String(history.data.events.length));

  const forecast = await api.GET('/api/forecasts', { params: { query: { horizon: '2026-Q4', currency: 'EUR' } } });
  if (forecast.data !== undefined) {
    for (const m of forecast.data.methods) {
      const method: ForecastMethod = m.method;
      // The method names its answer: only Monte Carlo has quantiles, only historical its rates.
      if (m.method === 'monte-carlo') seen.push(String(m.p50Minor + m.trials));
      if (m.method === 'historical') seen.push(String(m.rates.length + m.learnedFrom));
      if (m.method === 'category-weighted') seen.push(String(m.probabilities['best-case']));
      seen.push(method, ...m.contributions.map((c) => \`\${c.dealId}:\${c.amount.currency}:\${c.probability}\`));
    }
    const coverage: number | null = forecast.data.coverage.coverage;
    seen.push(String(coverage), forecast.data.horizon.period, String(forecast.data.rates?.rates['USD']));
    seen.push(...forecast.data.coverage.targets.map((t) => \`\${t.personId}:\${t.period}:\${t.targetMinor}\`));
  }
  const backtest = await api.GET('/api/forecasts/backtest', {
    params: { query: { from: '2026-01-05', to: '2026-02-02', trials: 100 } },
  });
  if (backtest.data !== undefined) {
    const mape: number | null | undefined = backtest.data.accuracy[0]?.mape;
    const won: number | undefined = backtest.data.rows[0]?.actual.wonMinor;
    seen.push(String(mape), String(won), ...backtest.data.calibration.map((c) => c.method));
  }
  const calls = await api.GET('/api/forecasts/calls', { params: { query: { period: '2026-Q4' } } });
  if (calls.data !== undefined) seen.push(...calls.data.calls.map((c) => \`\${c.scope}:\${c.commitMinor}\`));
  const funnelIn = await api.GET('/api/funnel', { params: { query: { currency: 'USD' } } });
  if (funnelIn.data !== undefined) seen.push(String(funnelIn.data.totals.reporting.amountMinor));

  const captured = await api.POST('/api/leads', {
    body: {
      customerId: 'acme',
      source: 'event',
      title: 'Storage refresh',
      contact: { name: 'Li', email: 'li@acme.example' },
      estimatedAmount: { amountMinor: 100_000, currency: 'EUR' },
    },
  });
  if (captured.data !== undefined) {
    const state: StateName = captured.data.state;
    const allowed: CommandName[] = captured.data.allowed;
    seen.push(state, ...allowed);
  }
  const opened = await api.POST('/api/opportunities', {
    body: {
      customerId: 'acme',
      leadId: null,
      name: 'Storage refresh',
      amount: { amountMinor: 100_000, currency: 'EUR' },
      expectedCloseDate: '2027-09-30',
      segment: 'strategic',
      customerType: 'new',
      owner: 'nobody-here',
    },
  });
  if (opened.error !== undefined) {
    const code: ErrorCode = opened.error.code;
    seen.push(code);
  }
  return seen;
}

// @ts-expect-error no workflow has this state
export const noSuchState: StateName = 'nowhere';
// @ts-expect-error no forecast method has this name
export const noSuchMethod: ForecastMethod = 'magic';
// @ts-expect-error a stage-weighted answer has no quantiles
export const noQuantiles = (m: components['schemas']['StageWeightedForecastDto']) => m.p50Minor;
// @ts-expect-error stalledDays is a number
export const badQuery: paths['/api/funnel']['get']['parameters']['query'] = { stalledDays: 'thirty' };
`;

/** The OpenAPI document produces a typed client that compiles and talks to the running api. */
describe('a client generated from /docs-json', () => {
  let api: ApiProcess;
  let as: As;
  let keys: Record<Person, string>;
  let dir: string;

  beforeAll(async () => {
    ({ api, as, keys } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    mkdirSync(join(root, 'dist'), { recursive: true });
    // Inside the workspace, so that the sample resolves openapi-fetch from its node_modules.
    dir = mkdtempSync(join(root, 'dist', 'typed-client-'));
    writeFileSync(join(dir, 'openapi.json'), await (await fetch(`${api.url}/docs-json`)).text());
  });
  afterAll(() => api.stop());

  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [join(root, 'node_modules', script), ...args], {
      cwd: dir,
      encoding: 'utf8',
    });

  it('serialises numeric query parameters and bodies the api accepts', async () => {
    const client = createClient({ baseUrl: api.url, headers: { authorization: `Bearer ${keys.ann}` } });
    const funnel = await client.GET(
      '/api/funnel' as never,
      { params: { query: { stalledDays: 45 } } } as never,
    );
    expect(funnel.response.status).toBe(200);
    const page = await client.GET(
      '/api/gate-decisions' as never,
      {
        params: { query: { limit: 10, offset: 0 } },
      } as never,
    );
    expect(page.response.status).toBe(200);
    const captured = await client.POST(
      '/api/leads' as never,
      {
        body: {
          customerId: 'acme',
          source: 'event',
          title: 'Storage refresh',
          contact: { name: 'Li', email: 'li@acme.example' },
          estimatedAmount: { amountMinor: 100_000, currency: 'EUR' },
        },
      } as never,
    );
    expect({ status: captured.response.status, data: captured.data }).toMatchObject({
      status: 200,
      data: { state: 'new' },
    });
    await ok(as('ann', 'GET', `/api/leads/${String((captured.data as unknown as { id: string }).id)}`));
  });

  it('generates with openapi-typescript and typechecks a sample that sends commands and queries', () => {
    const generated = run('openapi-typescript/bin/cli.js', ['openapi.json', '-o', 'schema.d.ts']);
    expect({ status: generated.status, stderr: generated.stderr }).toMatchObject({ status: 0 });
    writeFileSync(join(dir, 'sample.ts'), SAMPLE);
    const tsc = run('typescript/bin/tsc', [
      '--noEmit',
      '--strict',
      '--noUncheckedIndexedAccess',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--types',
      'node',
      'sample.ts',
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
