import type { Projection, TableNames } from '../core/projection';
import { isLate } from '../core/stamp';
import { STREAM_KINDS } from '../fold/stream-kinds';
import type { SqlStatement } from '../store/sql-writer';

export type LateEntriesTables = 'entries';

type Sql = Readonly<{ insert: SqlStatement }>;

/**
 * Every late entry of the log (business time more than five minutes before it was recorded), by position,
 * with its stream, revision and both times. An answer as of a business instant reads the log only up to
 * that instant (plus the skew) and fetches the late entries recorded after it from here, instead of
 * scanning the rest of the log; a one-pass sample merges them in by business time.
 */
export const lateEntriesProjection: Projection<LateEntriesTables, Sql> = {
  name: 'late-entries',
  version: 1,
  tables: ['entries'],
  streams: STREAM_KINDS,
  folds: [],
  schema: (t) => [
    `CREATE TABLE ${t.entries} (
       position TEXT PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
       occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL) WITHOUT ROWID`,
    `CREATE INDEX ${t.entries}_occurred_at ON ${t.entries} (occurred_at, position)`,
  ],
  prepare: (db, t) => ({
    insert: db.prepare(
      `INSERT INTO ${t.entries} (position, stream_id, revision, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?)`,
    ),
  }),
  handle: (event, { sql }) => {
    if (!isLate(event.occurredAt, event.recordedAt)) return;
    sql.insert.run(event.position, event.streamId, event.revision, event.occurredAt, event.recordedAt);
  },
};

/** One indexed late entry. */
export type LateEntryRow = Readonly<{
  position: string;
  stream_id: string;
  revision: number;
  occurred_at: string;
  recorded_at: string;
}>;

export type LateEntryTableNames = TableNames<LateEntriesTables>;
