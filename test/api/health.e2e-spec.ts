import { existsSync } from 'node:fs';
import { startApi, type ApiProcess } from '../support/api-process';

describe('api process', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.stop();
  });

  it('creates its data directory on first start', () => {
    expect(existsSync(api.dataDir)).toBe(true);
  });

  it('answers /health with the configured store', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; store: { kind: string } };
    expect(body.status).toBe('ok');
    expect(body.store.kind).toBe('sqlite');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await fetch(`${api.url}/docs-json`);
    expect(json.status).toBe(200);
    const doc = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/health');
    const ui = await fetch(`${api.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('answers an unknown route with 404, not 500', async () => {
    expect((await fetch(`${api.url}/no-such-route`)).status).toBe(404);
  });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('stopping on %s', (signal) => {
  it('exits cleanly with code 0', async () => {
    const api = await startApi();
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect(await api.stop(signal)).toBe(0);
  });
});

describe('bad configuration', () => {
  it('refuses to start with a clear message', async () => {
    await expect(startApi({ EVENT_STORE: 'oracle' })).rejects.toThrow(
      /EVENT_STORE="oracle" is not allowed: expected one of sqlite, eventstoredb, memory/,
    );
  });
});
