import { SqliteEventStore, type StoredEvent } from '@ltc/event-store';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../testing/temp-dir';
import type { Projection } from '../core/projection';
import { ReadModelStore } from '../store/read-model-store';
import { Generations } from '../store/generations';
import type { SqlStatement } from '../store/sql-writer';
import { appendHistory } from '../testing/append-history';
import { ProjectionRunner } from './projection-runner';

type Sql = { seen: SqlStatement };

/**
 * One row per event it handles. A trigger makes the insert of any position listed in `test_block` fail,
 * the way a constraint or a full disk fails a write, until the test clears the list.
 */
const seen: Projection<'seen', Sql> = {
  name: 'seen',
  version: 1,
  tables: ['seen'],
  streams: ['lead', 'opportunity', 'contract', 'customer'],
  folds: [],
  schema: (t) => [
    `CREATE TABLE ${t.seen} (position TEXT PRIMARY KEY, type TEXT NOT NULL)`,
    `CREATE TRIGGER ${t.seen}_block BEFORE INSERT ON ${t.seen}
       WHEN EXISTS (SELECT 1 FROM test_block WHERE position = NEW.position)
       BEGIN SELECT RAISE(ABORT, 'blocked by the test'); END`,
  ],
  prepare: (db, t) => ({ seen: db.prepare(`INSERT INTO ${t.seen} (position, type) VALUES (?, ?)`) }),
  handle: (event, { sql }) => sql.seen.run(event.position, event.type),
};

/**
 * A projection with a memory (the running count of the events it handled), one row per event with the
 * count then. A memory left ahead by a rolled-back transaction would number the retried events again
 * from where it was: the rows show each count once, in order, only if the runner loads it back.
 */
const counted: Projection<'counts', Sql, { count: number }> = {
  name: 'counted',
  version: 1,
  tables: ['counts'],
  streams: ['lead', 'opportunity', 'contract', 'customer'],
  folds: [],
  schema: (t) => [`CREATE TABLE ${t.counts} (position TEXT PRIMARY KEY, count INTEGER NOT NULL)`],
  prepare: (db, t) => ({ seen: db.prepare(`INSERT INTO ${t.counts} (position, count) VALUES (?, ?)`) }),
  memory: {
    load: (db, t, upTo) => ({
      count:
        upTo === null
          ? 0
          : db
              .prepare<[string], number>(`SELECT count(*) FROM ${t.counts} WHERE position <= ?`)
              .pluck()
              .get(upTo)!,
    }),
  },
  handle: (event, { sql, memory }) => sql.seen.run(event.position, ++memory.count),
};

/**
 * Another connection's write, as an operator's would be: it must not block this thread while the runner's
 * writer holds the write lock (the runner could not commit meanwhile), so it retries instead of waiting.
 */
async function unblock(file: string): Promise<void> {
  const db = new BetterSqlite3(file, { timeout: 0 });
  try {
    for (;;) {
      try {
        db.exec('DELETE FROM test_block');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    db.close();
  }
}

// Pages of 100 read as batches of 100; or pages of 1,000 in batches of 10, so that the queue fills up
// and reading pauses until the runner catches up (the failing commit lands while paused).
describe.each([
  ['thread', 100, 100],
  ['direct', 100, 100],
  ['thread', 10, 1000],
  ['direct', 10, 1000],
] as const)(
  'runner: a write that fails (%s writer, batches of %d, pages of %d)',
  (writer, batchSize, pageSize) => {
    jest.setTimeout(30_000);
    const dir = tempDir('ltc-runner-failure-');
    afterAll(() => dir.remove());

    it('stores nothing of the failed transaction, keeps its checkpoint, and resumes exactly once', async () => {
      const store = new SqliteEventStore({
        file: dir.path(`log-${writer}-${batchSize}.sqlite`),
        synchronous: 'NORMAL',
        pageSize,
      });
      await appendHistory(store, { seed: 5, events: 1200 });
      const all: StoredEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      const blocked = (all[700] as StoredEvent).position;

      const readModels = new ReadModelStore({ file: dir.path(`rm-${writer}-${batchSize}.sqlite`) });
      readModels.db.exec('CREATE TABLE test_block (position TEXT PRIMARY KEY)');
      readModels.db.prepare('INSERT INTO test_block (position) VALUES (?)').run(blocked);
      const runner = new ProjectionRunner({
        store,
        readModels,
        projections: [seen, counted],
        writer,
        batchSize,
        commitEvery: 300,
        pollMs: 20,
      });
      await runner.start();
      const failed = async () => {
        while (runner.lastError === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
        return runner.lastError;
      };
      expect((await failed()).message).toMatch(/blocked by the test/);

      // What is stored is whole transactions before the failing one: every event up to the checkpoint, once.
      // (The runner keeps retrying meanwhile: read the checkpoint and the rows in one snapshot.)
      const generations = new Generations(readModels.db);
      const rows = () =>
        readModels.db
          .prepare<[], string>('SELECT position FROM seen_g1_seen ORDER BY position')
          .pluck()
          .all();
      const { checkpoint, stored } = readModels.db.transaction(() => ({
        checkpoint: generations.get('seen', 1)?.position ?? null,
        stored: rows(),
      }))();
      expect(checkpoint).not.toBeNull();
      expect(checkpoint! < blocked).toBe(true);
      expect(stored).toEqual(all.filter((e) => e.position <= checkpoint!).map((e) => e.position));

      // The cause goes away: the runner retries from its checkpoint and ends with every event exactly once.
      await unblock(readModels.file);
      await runner.catchUp();
      expect(rows()).toEqual(all.map((e) => e.position));
      expect(generations.get('seen', 1)).toMatchObject({ status: 'serving', events: all.length });
      // The memory was loaded again at the checkpoint after the failure: every count once, in log order.
      const counts = readModels.db
        .prepare<[], number>('SELECT count FROM counted_g1_counts ORDER BY position')
        .pluck()
        .all();
      expect(counts).toEqual(all.map((_, i) => i + 1));

      await runner.stop();
      readModels.close();
      await store.close();
    });
  },
);
