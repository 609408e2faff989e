import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { events } from '../../test/contract/fixtures';
import { migrate, MIGRATIONS } from './sqlite-migrations';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ltc-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => join(dir, `${name}.sqlite`);

describe('SQLite file and schema', () => {
  it('is one WAL file with FULL sync, versioned migrations and the log’s unique keys', async () => {
    const store = new SqliteEventStore({ file: file('fresh') });
    await store.append('lead-1', events(2), 'noStream');
    await store.close();

    const db = new BetterSqlite3(file('fresh'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'events log' },
      { version: 2, name: 'stream heads' },
    ]);
    const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events'").pluck().get() as string;
    expect(ddl).toMatch(/global_position INTEGER PRIMARY KEY/);
    expect(ddl).toMatch(/UNIQUE \(event_id\)/);
    expect(ddl).toMatch(/UNIQUE \(stream_id, revision\)/);
    db.close();
  });

  it('reopening applies nothing twice, and new migrations apply in order once', async () => {
    await new SqliteEventStore({ file: file('grow') }).close();
    const db = new BetterSqlite3(file('grow'));
    const next = [
      ...MIGRATIONS,
      { version: 3, name: 'by type', sql: 'CREATE INDEX events_type ON events (type)' },
    ];
    migrate(db, '2026-01-01T00:00:00.000Z', next);
    migrate(db, '2026-01-02T00:00:00.000Z', next);
    expect(
      db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').raw().all(),
    ).toEqual([
      [1, expect.any(String)],
      [2, expect.any(String)],
      [3, '2026-01-01T00:00:00.000Z'],
    ]);
    db.close();
  });

  it("a log of schema 1 gets each stream's head anchor from its last event", async () => {
    const db = new BetterSqlite3(file('v1'));
    migrate(db, '2026-01-01T00:00:00.000Z', MIGRATIONS.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, 'ThingHappened', '{}', '{}', '2026-01-01T00:00:00.000Z')`,
    );
    const rows: [string, string, number][] = [
      ['lead-1', 'a', 0],
      ['lead-2', 'b', 0],
      ['lead-1', 'c', 1],
      ['lead-1', 'd', 2],
    ];
    for (const [stream, id, revision] of rows)
      insert.run(`00000000-0000-4000-8000-00000000000${id}`, stream, revision);
    db.close();
    const store = new SqliteEventStore({ file: file('v1') });
    expect(await store.streamHead('lead-1')).toEqual({
      revision: 2,
      id: '00000000-0000-4000-8000-00000000000d',
    });
    expect(await store.streamHead('lead-2')).toEqual({
      revision: 0,
      id: '00000000-0000-4000-8000-00000000000b',
    });
    await store.append('lead-2', events(1), 0);
    expect(await store.streamHead('lead-2')).toMatchObject({ revision: 1 });
    await store.close();
  });

  it('refuses a file migrated by newer code', async () => {
    await new SqliteEventStore({ file: file('newer') }).close();
    const db = new BetterSqlite3(file('newer'));
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    db.close();
    expect(() => new SqliteEventStore({ file: file('newer') })).toThrow(
      /version 99, newer than this code knows/,
    );
  });

  it('stamps recordedAt from its clock, once per batch', async () => {
    const store = new SqliteEventStore({
      file: file('clock'),
      clock: () => new Date('2026-03-01T12:00:00.000Z'),
    });
    await store.append('lead-1', events(2), 'noStream');
    const stored = await store.readStream('lead-1');
    expect(stored.map((e) => e.recordedAt)).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z']);
    await store.close();
  });
});
