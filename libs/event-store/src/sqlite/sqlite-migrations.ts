import type { Database } from 'better-sqlite3';

/** One step of the schema; versions only grow and a shipped step is never edited. */
export type Migration = Readonly<{ version: number; name: string; sql: string }>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events log',
    // global_position is the rowid: never deleted from, so max + 1 keeps it in commit order.
    sql: `
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 0),
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (event_id),
        UNIQUE (stream_id, revision)
      );`,
  },
  {
    version: 2,
    name: 'stream heads',
    // Each stream's head anchor, apart from its events (see EventStore.streamHead); backfilled from the
    // log (a bare column beside max() comes from the row holding the max).
    sql: `
      CREATE TABLE stream_heads (
        stream_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        event_id TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO stream_heads (stream_id, revision, event_id)
        SELECT stream_id, max(revision), event_id FROM events GROUP BY stream_id;`,
  },
];

/** Applies pending migrations in one write transaction, so two processes opening one file agree. */
export function migrate(
  db: Database,
  appliedAt: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied =
      (db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    if (applied > latest) {
      throw new Error(`event store schema is at version ${applied}, newer than this code knows (${latest})`);
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= applied) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, appliedAt);
    }
  }).immediate();
  return latest;
}
