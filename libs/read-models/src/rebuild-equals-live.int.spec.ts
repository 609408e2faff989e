import { SqliteEventStore } from '@ltc/event-store';
import { ProjectionRunner, ReadModelStore, replayAsOf, type ProjectionRunnerOptions } from '@ltc/projections';
import { appendHistory, settle, tempDir } from '@ltc/projections/testing';
import { counts, dump } from '../test/support/dump';
import { ALL_PROJECTIONS } from './all-projections';

const EVENTS = 6000;

describe('rebuild equals live', () => {
  jest.setTimeout(120_000);
  const dir = tempDir('ltc-rebuild-');
  afterAll(() => dir.remove());

  it(`after ${EVENTS} generated events followed live, a rebuild from zero has the same rows, row for row`, async () => {
    const store = new SqliteEventStore({
      file: dir.path('log.sqlite'),
      synchronous: 'NORMAL',
      pollIntervalMs: 20,
    });
    const readModels = new ReadModelStore({ file: dir.path('read-models.sqlite') });
    const live = new ProjectionRunner({ store, readModels, projections: ALL_PROJECTIONS, batchSize: 300 });
    await live.start();
    // The runner follows while the history is written, one command at a time.
    // Sales operations run an incentive plan beside the deals: monthly targets, closes, a correction.
    const incentives = { planId: 'gen', correctInMonth: 6 };
    await appendHistory(store, { seed: 42, events: EVENTS, incentives }, async (n) => {
      if (n % 200 < 2) await settle();
    });
    await live.catchUp();
    const followed = dump(readModels, ALL_PROJECTIONS);
    const status = await live.status();
    expect(status.every((s) => s.status === 'serving' && s.lag === 0 && s.errors === 0)).toBe(true);
    expect(counts(followed)['funnel.deals']).toBeGreaterThan(100);
    expect(counts(followed)['win-rate.closed']).toBeGreaterThan(20);
    // Statements frozen at each of the monthly closes, from the ledger the runner folded live.
    expect(counts(followed)['incentive-statements.closes']).toBeGreaterThan(12);
    expect(counts(followed)['incentive-statements.statements']).toBeGreaterThan(50);

    // A rebuild from zero (as `ltc projections rebuild` runs it), writing through the writer thread,
    // then one with the statements run on the store's own connection.
    const rebuildAll = async (options: Pick<ProjectionRunnerOptions, 'label' | 'batchSize' | 'writer'>) => {
      const rebuild = new ProjectionRunner({
        store,
        readModels,
        projections: ALL_PROJECTIONS,
        rebuild: ALL_PROJECTIONS.map((p) => p.name),
        ...options,
      });
      await rebuild.start();
      await rebuild.done;
      await rebuild.stop();
      return (await live.status()).map((s) => [s.name, s.generation, s.status]);
    };
    expect(await rebuildAll({ label: 'rebuild', batchSize: 5000 })).toEqual(
      ALL_PROJECTIONS.map((p) => [p.name, 2, 'serving']).sort(),
    );
    expect(dump(readModels, ALL_PROJECTIONS)).toEqual(followed);
    expect(await rebuildAll({ label: 'rebuild-direct', writer: 'direct' })).toEqual(
      ALL_PROJECTIONS.map((p) => [p.name, 3, 'serving']).sort(),
    );
    expect(dump(readModels, ALL_PROJECTIONS)).toEqual(followed);

    const asOfHead = await replayAsOf(store, ALL_PROJECTIONS, { position: (await store.headPosition())! });
    expect(dump(asOfHead.readModels, ALL_PROJECTIONS)).toEqual(followed);
    asOfHead.close();

    await live.stop();
    readModels.close();
    await store.close();
  });
});
