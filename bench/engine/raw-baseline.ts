import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore, type StoredEvent } from '@ltc/event-store';
import { rawRow } from '../event-store/bench-events';
import { openRaw, rawAppender } from '../event-store/raw-sqlite';

/** The same events the engine appended, inserted one durable transaction each with raw statements. */
export async function rawAppendsOf(events: readonly StoredEvent[]): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'ltc-engine-raw-')), 'raw.sqlite');
  await new SqliteEventStore({ file }).close();
  const db = openRaw(file);
  const append = rawAppender(db);
  const started = performance.now();
  for (const event of events) {
    append([rawRow(event, event.streamId, event.revision, event.recordedAt)]);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return events.length / seconds;
}
