import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { RawRow } from './bench-events';

/** The baseline: better-sqlite3 on the adapter's own file and schema, with the same pragmas, no adapter. */
export function openRaw(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** One `BEGIN IMMEDIATE … COMMIT` per call, as the adapter does per append. */
export function rawAppender(db: Database): (rows: readonly RawRow[]) => void {
  const insert = db.prepare<RawRow>(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const transaction = db.transaction((rows: readonly RawRow[]) => {
    for (const row of rows) insert.run(...row);
  });
  return (rows) => transaction.immediate(rows);
}
