import { MemoryEventStore, type StoredEvent } from '@ltc/event-store';
import {
  BatchProjector,
  Generations,
  lateEntriesProjection,
  ProjectionRunner,
  ReadModelStore,
  replayAsOf,
  sampleAt,
  type AnyProjection,
  type KnownAt,
  type Moment,
} from '@ltc/projections';
import { appendHistory, Rng, tempDir } from '@ltc/projections/testing';
import { dump } from '../test/support/dump';
import { activityProjection } from './activity/activity.projection';
import { dealIndexProjection } from './deal-index/deal-index.projection';
import { funnelProjection } from './funnel/funnel.projection';
import { gateDecisionsProjection } from './gate-decisions/gate-decisions.projection';
import { winRateProjection } from './win-rate/win-rate.projection';

// Snapshots every 400 handled events, so replays of these two alone start from one at most moments.
const SNAPSHOTTED = [
  { ...funnelProjection, snapshots: { every: 400, appendOnly: { moves: 'position' } } },
  { ...winRateProjection, snapshots: { every: 400, appendOnly: { closed: 'position' } } },
] as unknown as AnyProjection[];
const PROJECTIONS = [
  ...SNAPSHOTTED,
  activityProjection,
  gateDecisionsProjection,
  dealIndexProjection,
] as unknown as AnyProjection[];

const occurredAt = (e: StoredEvent) => String(e.metadata.occurredAt);
const recordedAt = (e: StoredEvent) => String(e.metadata['recordedAt'] ?? e.metadata.occurredAt);

/** The definition, by brute force: fold exactly the events that occurred by asOf and were known at knownAt. */
async function bruteForce(
  store: MemoryEventStore,
  log: readonly StoredEvent[],
  moment: Moment,
  projections: readonly AnyProjection[] = PROJECTIONS,
) {
  const known = moment.knownAt;
  const events = log.filter(
    (e) =>
      (moment.asOf === undefined || occurredAt(e) <= moment.asOf) &&
      (known === undefined ||
        ('instant' in known ? recordedAt(e) <= known.instant : e.position <= known.position)),
  );
  const readModels = new ReadModelStore({ file: ':memory:' });
  const generations = new Generations(readModels.db);
  const clock = () => new Date(0);
  const projector = new BatchProjector(store, readModels, generations, projections, 'brute', clock);
  const targets = projections.map((p) => projector.target(p, generations.create(p, 'brute', '').generation));
  projector.apply(await projector.project(events), targets);
  projector.commit();
  for (const t of targets) generations.promote(t.projection.name, t.generation, '');
  const rows = dump(readModels, projections);
  readModels.close();
  return { rows, events: events.length };
}

describe('bi-temporal answers over generated history with random late entries', () => {
  jest.setTimeout(120_000);
  const dir = tempDir('ltc-bi-temporal-');
  const store = new MemoryEventStore();
  const live = new ReadModelStore({ file: dir.path('read-models.sqlite') });
  const log: StoredEvent[] = [];

  beforeAll(async () => {
    // One command in ten is entered between an hour and 20 days after it happened.
    await appendHistory(store, {
      seed: 4242,
      events: 3000,
      late: { share: 0.1, maxDays: 20 },
      validate: true,
    });
    const runner = new ProjectionRunner({
      store,
      readModels: live,
      projections: [...PROJECTIONS, lateEntriesProjection],
      batchSize: 100,
    });
    await runner.start();
    await runner.catchUp();
    await runner.stop();
    for await (const e of store.readAll()) log.push(e);
  });
  afterAll(() => {
    live.close();
    dir.remove();
  });

  const iso = (ms: number) => new Date(ms).toISOString();
  const span = () => {
    const times = log.map((e) => Date.parse(occurredAt(e)));
    return {
      first: Math.min(...times),
      last: Math.max(...log.map((e) => Date.parse(recordedAt(e)))),
    };
  };

  it('the generated log has late entries, recorded after later facts of other streams', () => {
    const late = log.filter((e) => Date.parse(occurredAt(e)) < Date.parse(recordedAt(e)) - 300_000);
    expect(late.length).toBeGreaterThan(100);
    // Per stream, both times grow with the revision (what the pipeline enforces).
    const byStream = new Map<string, StoredEvent>();
    for (const e of log) {
      const before = byStream.get(e.streamId);
      if (before !== undefined) {
        expect(occurredAt(e) >= occurredAt(before)).toBe(true);
        expect(recordedAt(e) >= recordedAt(before)).toBe(true);
      }
      byStream.set(e.streamId, e);
    }
  });

  it('replayAsOf(asOf, knownAt) equals the brute-force fold, with and without the live index and snapshots', async () => {
    const rng = new Rng(7);
    const { first, last } = span();
    const at = () => iso(first + Math.floor(rng.next() * (last - first)));
    let nonTrivial = 0;
    let fromSnapshots = 0;
    for (let i = 0; i < 12; i++) {
      const roll = rng.next();
      const knownAt: KnownAt | undefined =
        roll < 0.2
          ? undefined
          : roll < 0.4
            ? { position: log[Math.floor(rng.next() * log.length)]!.position }
            : { instant: at() };
      const moment: Moment = {
        ...(i % 4 === 3 ? {} : { asOf: at() }),
        ...(knownAt === undefined ? {} : { knownAt }),
      };
      const expected = await bruteForce(store, log, moment);
      for (const options of [{ live }, {}]) {
        const view = await replayAsOf(store, PROJECTIONS, moment, options);
        expect({ moment, rows: dump(view.readModels, PROJECTIONS) }).toEqual({ moment, rows: expected.rows });
        view.close();
      }
      // The funnel and win rate alone have snapshots: the replay starts from one and reads only the rest.
      const pair = await bruteForce(store, log, moment, SNAPSHOTTED);
      const fromSnapshot = await replayAsOf(store, SNAPSHOTTED, moment, { live });
      expect({ moment, rows: dump(fromSnapshot.readModels, SNAPSHOTTED) }).toEqual({
        moment,
        rows: pair.rows,
      });
      if (fromSnapshot.events < pair.events) fromSnapshots++;
      fromSnapshot.close();
      if (expected.events > 0 && expected.events < log.length) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThanOrEqual(8);
    expect(fromSnapshots).toBeGreaterThanOrEqual(4);
  });

  it('sampleAt(instants, knownAt) in one pass equals one replay per instant', async () => {
    const rng = new Rng(11);
    const { first, last } = span();
    for (const knownAt of [undefined, { instant: iso((first + 3 * last) / 4) }] as (KnownAt | undefined)[]) {
      const instants = Array.from({ length: 9 }, () => first + Math.floor(rng.next() * (last - first)))
        .sort((a, b) => a - b)
        .map(iso);
      const options = { live, ...(knownAt === undefined ? {} : { knownAt }) };
      const samples = await sampleAt(
        store,
        PROJECTIONS,
        instants,
        (v) => dump(v.readModels, PROJECTIONS),
        options,
      );
      expect(samples.map((s) => s.asOf)).toEqual(instants);
      for (const [i, asOf] of instants.entries()) {
        const expected = await bruteForce(store, log, {
          asOf,
          ...(knownAt === undefined ? {} : { knownAt }),
        });
        expect({ asOf, rows: samples[i]!.value }).toEqual({ asOf, rows: expected.rows });
      }
      // Without the live read models (no index, no snapshots): the same samples.
      const bare = await sampleAt(store, PROJECTIONS, instants, (v) => dump(v.readModels, PROJECTIONS), {
        ...(knownAt === undefined ? {} : { knownAt }),
      });
      expect(bare).toEqual(samples);
      // From a snapshot before the first instant (the funnel and win rate alone keep them).
      const pairs = await sampleAt(
        store,
        SNAPSHOTTED,
        instants,
        (v) => dump(v.readModels, SNAPSHOTTED),
        options,
      );
      for (const [i, asOf] of instants.entries()) {
        const expected = await bruteForce(
          store,
          log,
          { asOf, ...(knownAt === undefined ? {} : { knownAt }) },
          SNAPSHOTTED,
        );
        expect({ asOf, rows: pairs[i]!.value }).toEqual({ asOf, rows: expected.rows });
      }
    }
  });

  it('sampleAt known at each instant equals one replay as of and as known at that instant', async () => {
    const rng = new Rng(13);
    const { first, last } = span();
    const instants = Array.from({ length: 9 }, () => first + Math.floor(rng.next() * (last - first)))
      .sort((a, b) => a - b)
      .map(iso);
    for (const projections of [PROJECTIONS, SNAPSHOTTED]) {
      for (const options of [{ live }, {}]) {
        const samples = await sampleAt(
          store,
          projections,
          instants,
          (v) => ({ rows: dump(v.readModels, projections), reconstructed: v.reconstructed }),
          { ...options, knownAtEachInstant: true },
        );
        for (const [i, asOf] of instants.entries()) {
          const expected = await bruteForce(store, log, { asOf, knownAt: { instant: asOf } }, projections);
          expect({ asOf, rows: samples[i]!.value.rows }).toEqual({ asOf, rows: expected.rows });
          expect(samples[i]!.value.reconstructed).toBe(false);
        }
      }
    }
    await expect(
      sampleAt(store, PROJECTIONS, instants, () => 0, {
        knownAt: { instant: iso(last) },
        knownAtEachInstant: true,
      }),
    ).rejects.toThrow(/exclude each other/);
  });
});
