import type { Position } from '@ltc/event-store';
import type { Database } from 'better-sqlite3';

/**
 * The log ended before what the read models had seen: its last events were deleted, or lost (a store
 * without full sync and a power cut).
 */
export type LogTruncation = Readonly<{ detectedAt: string; head: Position | null; seenUpTo: Position }>;

const KEY = 'log.truncations';

/**
 * Every truncation a runner found, oldest first. They are kept in the read models' file (outside the
 * log) and survive the rebuild that follows, so `ltc audit verify --all` still reports them.
 */
export function logTruncations(db: Database): LogTruncation[] {
  const value = db
    .prepare<[string], string>('SELECT value FROM read_model_meta WHERE key = ?')
    .pluck()
    .get(KEY);
  return value === undefined ? [] : (JSON.parse(value) as LogTruncation[]);
}

export function recordLogTruncation(db: Database, truncation: LogTruncation): void {
  db.prepare('INSERT OR REPLACE INTO read_model_meta (key, value) VALUES (?, ?)').run(
    KEY,
    JSON.stringify([...logTruncations(db), truncation]),
  );
}
