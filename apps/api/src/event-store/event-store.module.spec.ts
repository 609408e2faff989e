import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { EventMetadata } from '@ltc/domain';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../config';
import { HealthController } from '../health/health.controller';
import { createEventStore } from './create-event-store';
import { EventStoreModule } from './event-store.module';

const dir = mkdtempSync(join(tmpdir(), 'ltc-api-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const METADATA: EventMetadata = {
  actor: 'user-ada',
  actorRoles: ['rep'],
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: null,
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion: 1,
  machine: 'lead@1',
};

const config = (env: Record<string, string>): AppConfig => loadConfig({ DATA_DIR: dir, ...env });

async function start(appConfig: AppConfig, store?: Partial<EventStore>): Promise<INestApplication> {
  let builder = Test.createTestingModule({
    imports: [EventStoreModule.forRoot(appConfig)],
    controllers: [HealthController],
  });
  if (store !== undefined) builder = builder.overrideProvider(EVENT_STORE).useValue(store);
  const app = (await builder.compile()).createNestApplication({ logger: false });
  return app.init();
}

describe('EventStoreModule and /health', () => {
  it('opens the SQLite file by default and reports its kind and head position', async () => {
    const appConfig = config({ SQLITE_FILE: join(dir, 'nested', 'ltc.sqlite') });
    const app = await start(appConfig);
    expect(existsSync(appConfig.sqliteFile)).toBe(true);
    const store = app.get<EventStore>(EVENT_STORE);

    const empty = await request(app.getHttpServer()).get('/health').expect(200);
    expect(empty.body).toEqual({ status: 'ok', store: { kind: 'sqlite', configured: true, position: null } });

    const { position } = await store.append(
      'lead-1',
      [{ id: '00000000-0000-4000-8000-0000000000a1', type: 'LeadCaptured', data: {}, metadata: METADATA }],
      'noStream',
    );
    const after = await request(app.getHttpServer()).get('/health').expect(200);
    expect(after.body.store.position).toBe(position);
    await app.close();
    await expect(store.headPosition()).rejects.toThrow();
  });

  it('uses the memory store when configured, and completes its subscriptions on shutdown', async () => {
    const app = await start(config({ EVENT_STORE: 'memory' }));
    let completed = false;
    app
      .get<EventStore>(EVENT_STORE)
      .subscribeAll()
      .subscribe({ complete: () => (completed = true) });
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.store).toEqual({ kind: 'memory', configured: true, position: null });
    await app.close();
    expect(completed).toBe(true);
  });

  it('answers 503 when the store does not answer', async () => {
    const failing: Partial<EventStore> = {
      kind: 'eventstoredb',
      headPosition: () => Promise.reject(new Error('14 UNAVAILABLE: No connection established')),
      close: () => Promise.resolve(),
    };
    const app = await start(config({ EVENT_STORE: 'memory' }), failing);
    const res = await request(app.getHttpServer()).get('/health').expect(503);
    expect(res.body.message).toMatch(/eventstoredb.*UNAVAILABLE/);
    await app.close();
  });

  it('builds the EventStoreDB adapter from the connection string without connecting yet', async () => {
    const store = createEventStore(config({ EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' }));
    expect(store.kind).toBe('eventstoredb');
    await store.close();
  });
});
