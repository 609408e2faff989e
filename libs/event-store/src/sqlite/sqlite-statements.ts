import type { Database, Statement } from 'better-sqlite3';

const COLUMNS = 'global_position, event_id, stream_id, revision, type, data, metadata, recorded_at';

/** A row in `COLUMNS` order, read in raw mode: arrays are cheaper to make than objects. */
export type EventRow = [number, string, string, number, string, string, string, string];

/** Every statement the adapter runs, prepared once per connection. */
export type SqliteStatements = Readonly<{
  streamRevision: Statement<[string], number>;
  streamHead: Statement<[string], [number, string]>;
  setStreamHead: Statement<[string, number, string]>;
  findById: Statement<[string], [string, number, number]>;
  insert: Statement<[string, string, number, string, string, string, string]>;
  streamForwards: Statement<[string, number, number], EventRow>;
  streamBackwards: Statement<[string, number, number], EventRow>;
  allForwards: Statement<[number, number], EventRow>;
  allBackwards: Statement<[number, number], EventRow>;
  head: Statement<[], number | null>;
  dataVersion: Statement<[], number>;
}>;

export function prepareStatements(db: Database): SqliteStatements {
  return {
    streamRevision: db
      .prepare<[string], number>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck(),
    streamHead: db
      .prepare<[string], [number, string]>('SELECT revision, event_id FROM stream_heads WHERE stream_id = ?')
      .raw(),
    setStreamHead: db.prepare(
      `INSERT INTO stream_heads (stream_id, revision, event_id) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, event_id = excluded.event_id`,
    ),
    findById: db
      .prepare<[string], [string, number, number]>(
        'SELECT stream_id, revision, global_position FROM events WHERE event_id = ?',
      )
      .raw(),
    insert: db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamForwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(),
    streamBackwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(),
    allForwards: db
      .prepare<[number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      )
      .raw(),
    allBackwards: db
      .prepare<[number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE global_position < ? ORDER BY global_position DESC LIMIT ?`,
      )
      .raw(),
    head: db.prepare<[], number | null>('SELECT max(global_position) FROM events').pluck(),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}
