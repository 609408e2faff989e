import { MemoryEventStore, SqliteEventStore, type EventStore } from '@ltc/event-store';
import BetterSqlite3 from 'better-sqlite3';
import { tempDir } from '../testing/temp-dir';
import type { Projection } from '../core/projection';
import { openReadModel, ProjectionNotReadyError } from '../core/read-model-reader';
import { ReadModelStore } from '../store/read-model-store';
import type { SqlStatement } from '../store/sql-writer';
import { Generations } from '../store/generations';
import { logTruncations } from '../store/log-truncations';
import { appendHistory } from '../testing/append-history';
import { ProjectionRunner } from './projection-runner';

type Sql = { count: SqlStatement };

/** Counts events per type; version 2 counts the same way (a fix that keeps the table's shape). */
const counter = (version: number, compatibleWith?: number[]): Projection<'types', Sql> => ({
  name: 'type-count',
  version,
  ...(compatibleWith === undefined ? {} : { compatibleWith }),
  tables: ['types'],
  streams: ['lead', 'opportunity', 'contract', 'customer'],
  folds: [],
  schema: (t) => [`CREATE TABLE ${t.types} (type TEXT PRIMARY KEY, n INTEGER NOT NULL)`],
  prepare: (db, t) => ({
    count: db.prepare(
      `INSERT INTO ${t.types} (type, n) VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1`,
    ),
  }),
  handle: (event, { sql }) => void sql.count.run(event.type),
});

const total = (readModels: ReadModelStore, projection: Projection<'types', Sql>): number => {
  const { db, t } = openReadModel(readModels, projection);
  return db.prepare<[], number>(`SELECT coalesce(sum(n), 0) FROM ${t.types}`).pluck().get() ?? 0;
};

describe('generations: versions, rebuilds and leases', () => {
  const dir = tempDir('ltc-generations-');
  let store: EventStore;
  let readModels: ReadModelStore;
  const runners: ProjectionRunner[] = [];
  const run = async (
    options: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> & {
      projections: Projection<'types', Sql>[];
    },
  ) => {
    const runner = new ProjectionRunner({ store, readModels, pollMs: 20, ...options });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeEach(async () => {
    store = new MemoryEventStore();
    readModels = new ReadModelStore({ file: dir.path(`rm-${Date.now()}-${Math.random()}.sqlite`) });
    await appendHistory(store, { seed: 3, events: 1500 });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    readModels.close();
  });
  afterAll(() => dir.remove());

  it('builds a first generation, promotes it when caught up and reports its lag', async () => {
    const v1 = counter(1);
    expect(() => openReadModel(readModels, v1)).toThrow(ProjectionNotReadyError);
    const runner = await run({ projections: [v1] });
    await runner.catchUp();
    expect(total(readModels, v1)).toBe(Number(await store.headPosition()));
    await runner.stop();
    await appendHistory(store, { seed: 4, events: 20 });
    const [status] = await runner.status();
    expect(status).toMatchObject({
      name: 'type-count',
      generation: 1,
      status: 'serving',
      lag: 20,
      caughtUp: false,
    });
  });

  it('a new version builds into new tables while the old one keeps serving, then replaces it', async () => {
    const v1 = counter(1);
    const first = await run({ projections: [v1] });
    await first.catchUp();
    await first.stop();

    // Version 2 reads version 1's tables: queries keep being answered while it builds (slowly here).
    const v2 = counter(2, [1]);
    const slow: Projection<'types', Sql> = {
      ...v2,
      handle: (event, tx) => {
        const until = Date.now() + 1;
        while (Date.now() < until);
        v2.handle(event, tx);
      },
    };
    const second = await run({ projections: [slow], batchSize: 50 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const during = new Generations(readModels.db).all().map((g) => [g.generation, g.version, g.status]);
    expect(during).toEqual([
      [1, 1, 'serving'],
      [2, 2, 'building'],
    ]);
    expect(total(readModels, v2)).toBe(Number(await store.headPosition())); // answered by generation 1
    await second.catchUp();
    expect(new Generations(readModels.db).all().map((g) => [g.generation, g.version, g.status])).toEqual([
      [2, 2, 'serving'],
    ]);
    expect(total(readModels, v2)).toBe(Number(await store.headPosition()));
    const leftovers = readModels.db
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'type_count_g1_%'")
      .all();
    expect(leftovers).toEqual([]);
  });

  it('without compatible tables, queries say the read model is not ready until the new version serves', async () => {
    const first = await run({ projections: [counter(1)] });
    await first.catchUp();
    await first.stop();
    const v2 = counter(2);
    const second = await run({ projections: [v2], batchSize: 10_000 });
    expect(() => openReadModel(readModels, v2)).toThrow(
      /version 1 serves and version 2 is still being built/,
    );
    await second.catchUp();
    expect(total(readModels, v2)).toBe(Number(await store.headPosition()));
  });

  it('a rebuild (the cli) builds a fresh generation while the live runner keeps the serving one current', async () => {
    const v1 = counter(1);
    const live = await run({ projections: [v1] });
    await live.catchUp();
    const rebuild = await run({ projections: [v1], rebuild: ['type-count'], label: 'cli' });
    await appendHistory(store, { seed: 5, events: 30 });
    await rebuild.done;
    await live.catchUp();
    expect(new Generations(readModels.db).all().map((g) => [g.generation, g.status])).toEqual([
      [2, 'serving'],
    ]);
    await appendHistory(store, { seed: 6, events: 10 });
    await live.catchUp();
    // The live runner moved on to generation 2 and counts every event of the log once.
    expect(total(readModels, v1)).toBe(Number(await store.headPosition()));
  });

  it('takes over a building generation whose owner stopped (lease expired), from its checkpoint', async () => {
    const v1 = counter(1);
    const generations = new Generations(readModels.db);
    const abandoned = generations.create(v1, 'cli:dead-host:1:abc', '2020-01-01T00:00:00.000Z');
    const runner = await run({ projections: [v1] });
    await runner.catchUp();
    expect(generations.all().map((g) => [g.generation, g.status, g.owner === runner.owner])).toEqual([
      [abandoned.generation, 'serving', true],
    ]);
    expect(total(readModels, v1)).toBe(Number(await store.headPosition()));
  });

  it('a log that lost its last events: the truncation is recorded and the read models rebuilt', async () => {
    const v1 = counter(1);
    const file = dir.path(`log-${Date.now()}.sqlite`);
    const log = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    await appendHistory(log, { seed: 7, events: 300 });
    const seen = (await log.headPosition())!;
    const first = await run({ store: log, projections: [v1] });
    await first.catchUp();
    await first.stop();
    await log.close();

    const raw = new BetterSqlite3(file);
    raw.prepare('DELETE FROM events WHERE global_position > ?').run(Number(seen) - 5);
    raw.close();
    const shorter = new SqliteEventStore({ file });
    const warnings: string[] = [];
    const errors: string[] = [];
    const second = await run({
      store: shorter,
      projections: [v1],
      clock: () => new Date('2026-11-27T12:00:00.000Z'),
      logger: { log: () => undefined, warn: (m) => warnings.push(m), error: (m) => errors.push(m) },
    });
    await second.catchUp();
    const head = (await shorter.headPosition())!;
    expect(logTruncations(readModels.db)).toEqual([
      { detectedAt: '2026-11-27T12:00:00.000Z', head, seenUpTo: seen },
    ]);
    expect(warnings).toEqual([
      expect.stringContaining(`the log ends at ${head} but the read models had reached ${seen}`),
    ]);
    expect(errors).toEqual([]);
    // Rebuilt from the log as it is (every generation was dropped, so numbering starts again at 1),
    // counting each remaining event once.
    expect(new Generations(readModels.db).all().map((g) => [g.generation, g.status])).toEqual([
      [1, 'serving'],
    ]);
    expect(total(readModels, v1)).toBe(Number(head));
    await second.stop();
    await shorter.close();
  });
});
