import { generateHistory, type HistoryOptions } from '@ltc/projections/testing';
import { SqliteEventStore } from '@ltc/event-store';
import BetterSqlite3 from 'better-sqlite3';

/** `first` and `last`: knowledge times (recordedAt) of the log's first and last events; `late`: late entries. */
export type Populated = Readonly<{
  events: number;
  seconds: number;
  first: string;
  last: string;
  late: number;
}>;

/**
 * Writes a seeded history straight into a store file with the adapter's schema: generating a million
 * events through the engine would take minutes and measure the engine, not the projections.
 */
export async function populate(
  file: string,
  seed: number,
  events: number,
  /** More of the history's options: an incentive plan run beside the deals (the incentives bench). */
  more: Omit<HistoryOptions, 'seed' | 'events' | 'late'> = {},
): Promise<Populated> {
  await new SqliteEventStore({ file }).close(); // creates the schema
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  type Row = [string, string, number, string, string, string, string];
  const flush = db.transaction((rows: readonly Row[]) => {
    for (const row of rows) insert.run(...row);
  });
  const started = performance.now();
  let rows: Row[] = [];
  let count = 0;
  let first = '';
  let last = '';
  let late = 0;
  // One command in a hundred is entered late (up to two weeks after it happened), as sales facts are.
  for (const append of generateHistory({ ...more, seed, events, late: { share: 0.01, maxDays: 14 } })) {
    append.envelopes.forEach((e, i) => {
      const at = String(e.metadata['recordedAt'] ?? e.metadata.occurredAt);
      first ||= at;
      if (at > last) last = at;
      if (at !== e.metadata.occurredAt) late++;
      rows.push([
        e.id,
        append.streamId,
        append.revision + i,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        at,
      ]);
    });
    count += append.envelopes.length;
    if (rows.length >= 10_000) {
      flush(rows);
      rows = [];
    }
  }
  flush(rows);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { events: count, seconds: (performance.now() - started) / 1000, first, last, late };
}
