import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get as httpGet, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { issueApiKey, writeUsersFile } from '@ltc/users';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { DASHBOARD_ROOT } from './dashboard.module';

const INDEX = '<!doctype html><title>LTC</title><script type="module" src="/assets/app-1a2b.js"></script>';

describe('the dashboard served by the api (a real app on a SQLite file, a built dashboard folder)', () => {
  let app: INestApplication;
  let key = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-dashboard-'));
    const root = join(dir, 'dashboard');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log("dashboard")');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    // A users file of old (org fields in it): the api takes ann into the log at start.
    const issued = issueApiKey('2026-01-01T00:00:00Z');
    key = issued.key;
    writeUsersFile(join(dataDir, 'users.json'), {
      version: 1,
      users: [{ id: 'ann', person: 'ann', roles: ['rep'], team: 'east', apiKeys: [issued.record] }],
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loadConfig({ DATA_DIR: dataDir, SWEEP_INTERVAL_MINUTES: '0' }))],
    })
      .overrideProvider(DASHBOARD_ROOT)
      .useValue(root)
      .compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });
  afterAll(() => app.close());

  const get = (path: string) => request(app.getHttpServer()).get(path);

  it('serves index.html at / and for client routes, never cached', async () => {
    for (const path of ['/', '/deals/opportunity-opp-1', '/pipeline?asOf=2026-03-31']) {
      const answer = await get(path).expect(200);
      expect({ path, type: answer.type, body: answer.text, cache: answer.headers['cache-control'] }).toEqual({
        path,
        type: 'text/html',
        body: INDEX,
        cache: 'no-cache',
      });
    }
  });

  it('serves the hashed assets as immutable files and 404s a missing one', async () => {
    const asset = await get('/assets/app-1a2b.js').expect(200);
    expect(asset.text).toBe('console.log("dashboard")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // favicon.svg keeps its name across builds: revalidated, never immutable
    expect((await get('/favicon.svg').expect(200)).headers['cache-control']).toBe('public, max-age=0');
    await get('/assets/missing.js').expect(404);
    await get('/missing.png').expect(404);
  });

  it('compresses the assets with the encoding the browser accepts (brotli first), none when it accepts none', async () => {
    // Plain node:http, which (unlike supertest) leaves the body as the server encoded it.
    const server = app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const raw = (path: string, acceptEncoding: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, failed) =>
        httpGet({ port, host: '127.0.0.1', path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        }).on('error', failed),
      );
    const br = await raw('/assets/app-1a2b.js', 'gzip, deflate, br');
    expect({ encoding: br.headers['content-encoding'], vary: br.headers['vary'] }).toEqual({
      encoding: 'br',
      vary: 'Accept-Encoding',
    });
    expect(brotliDecompressSync(br.body).toString()).toBe('console.log("dashboard")');
    const gz = await raw('/assets/app-1a2b.js', 'gzip;q=1, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe('console.log("dashboard")');
    const plain = await raw('/assets/app-1a2b.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('console.log("dashboard")');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw('/assets/missing.js', 'br')).status).toBe(404);
  });

  it('never shadows /api, /docs or /health: unknown api paths stay JSON 404s', async () => {
    const unknown = await get('/api/no-such-route').expect(404);
    expect(unknown.type).toBe('application/json');
    expect((await get('/api/funnel').expect(401)).type).toBe('application/json');
    expect((await get('/health').expect(200)).body).toHaveProperty('store');
    expect((await get('/health/no-such').expect(404)).type).toBe('application/json');
    await request(app.getHttpServer()).post('/deals/x').expect(404);
    // Not a client route of the dashboard: a plain 404, as before the dashboard.
    expect((await get('/no-such-route').expect(404)).type).toBe('application/json');
    await get('/pipelines').expect(404);
  });

  it('answers GET /api/session with the user the key belongs to', async () => {
    const answer = await get('/api/session').set('Authorization', `Bearer ${key}`).expect(200);
    expect(answer.body).toEqual({ id: 'ann', roles: ['rep'], team: 'east' });
    await get('/api/session').set('Authorization', 'Bearer ltc_nope').expect(401);
  });
});
