import { SqliteEventStore } from '@ltc/event-store';
import { performance } from 'node:perf_hooks';
import { benchEvent, rawRow } from './bench-events';
import { openRaw, rawAppender } from './raw-sqlite';

/** Events per stream in the append runs: batches fill streams of this size in order. */
const STREAM_SIZE = 1000;

function target(i: number): { stream: string; revision: number } {
  return { stream: `opportunity-${Math.floor(i / STREAM_SIZE)}`, revision: i % STREAM_SIZE };
}

/** Appends `total` events in batches of `batchSize` through the adapter; returns events per second. */
export async function adapterAppends(
  file: string,
  total: number,
  batchSize: number,
  run: number,
): Promise<number> {
  const store = new SqliteEventStore({ file });
  const started = performance.now();
  for (let i = 0; i < total; i += batchSize) {
    const { stream, revision } = target(i);
    const batch = Array.from({ length: batchSize }, (_, k) => benchEvent(run, i + k));
    await store.append(stream, batch, revision === 0 ? 'noStream' : revision - 1);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return total / seconds;
}

/** The same rows inserted with raw prepared statements, one transaction per batch. */
export async function rawAppends(
  file: string,
  total: number,
  batchSize: number,
  run: number,
): Promise<number> {
  await new SqliteEventStore({ file }).close();
  const db = openRaw(file);
  const append = rawAppender(db);
  const started = performance.now();
  for (let i = 0; i < total; i += batchSize) {
    const { stream, revision } = target(i);
    const recordedAt = new Date().toISOString();
    append(
      Array.from({ length: batchSize }, (_, k) =>
        rawRow(benchEvent(run, i + k), stream, revision + k, recordedAt),
      ),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return total / seconds;
}
