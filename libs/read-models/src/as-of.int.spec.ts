import { MemoryEventStore, SqliteEventStore } from '@ltc/event-store';
import {
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  replayAsOf,
  type AnyProjection,
  type KnownAt,
} from '@ltc/projections';
import { generateHistory, tempDir } from '@ltc/projections/testing';
import { dump } from '../test/support/dump';
import { ALL_PROJECTIONS } from './all-projections';
import { activityProjection } from './activity/activity.projection';
import { activityReport } from './activity/activity.queries';
import { funnelProjection } from './funnel/funnel.projection';
import { funnelReport } from './funnel/funnel.queries';
import { leadFunnel } from './funnel/lead-funnel.queries';
import { gateDecisionsProjection } from './gate-decisions/gate-decisions.projection';
import { gateDecisions } from './gate-decisions/gate-decisions.queries';
import { winRateProjection } from './win-rate/win-rate.projection';
import { winRates } from './win-rate/win-rate.queries';

/** Everything a manager would read, as of `now`, from whichever read models are given. */
function readings(readModels: ReadModelStore, now: string) {
  const funnel = openReadModel(readModels, funnelProjection);
  return {
    funnel: funnelReport(funnel, { now, stalledDays: 20 }),
    leads: leadFunnel(funnel, {}),
    winRates: winRates(openReadModel(readModels, winRateProjection), { by: 'rep' }),
    activity: activityReport(openReadModel(readModels, activityProjection), { unit: 'month' }),
    gates: gateDecisions(openReadModel(readModels, gateDecisionsProjection), { limit: 20 }),
  };
}

describe('as known at a past moment (knownAt: an instant or a position)', () => {
  jest.setTimeout(60_000);

  it('the read models replayed as of an instant (or position) equal what the live projection showed then', async () => {
    const store = new MemoryEventStore();
    const readModels = new ReadModelStore({ file: ':memory:' });
    const live = new ProjectionRunner({ store, readModels, projections: ALL_PROJECTIONS });
    await live.start();
    const recorded: { instant: string; position: string; seen: ReturnType<typeof readings> }[] = [];
    let appended = 0;
    let lastAt = '';
    for (const append of generateHistory({ seed: 2026, events: 5000 })) {
      await store.append(
        append.streamId,
        append.envelopes,
        append.revision === 0 ? 'noStream' : append.revision - 1,
      );
      appended += append.envelopes.length;
      lastAt = String(append.envelopes[append.envelopes.length - 1]!.metadata.occurredAt);
      if (recorded.length < 4 && appended >= (recorded.length + 1) * 1100) {
        await live.catchUp();
        recorded.push({
          instant: lastAt,
          position: (await store.headPosition())!,
          seen: readings(readModels, lastAt),
        });
      }
    }
    await live.catchUp();
    expect(readings(readModels, lastAt)).not.toEqual(recorded[3]!.seen);

    for (const { instant, position, seen } of recorded) {
      for (const asOf of [{ instant }, { position }] as KnownAt[]) {
        const view = await replayAsOf(store, ALL_PROJECTIONS, asOf);
        expect(view.position).toBe(position);
        expect(readings(view.readModels, instant)).toEqual(seen);
        view.close();
      }
    }
    expect(recorded.map((r) => r.seen.funnel.totals.open).every((n) => n > 0)).toBe(true);
    await live.stop();
  });

  it('cuts each stream at its first event after the instant, in log order', async () => {
    const store = new MemoryEventStore();
    const appends = [...generateHistory({ seed: 9, events: 400 })];
    for (const a of appends)
      await store.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    const middle = appends[150]!.envelopes[0]!.metadata.occurredAt;
    const byInstant = await replayAsOf(store, [funnelProjection], { instant: middle });
    const included = appends
      .flatMap((a) => a.envelopes)
      .filter((e) => e.metadata.occurredAt <= middle).length;
    const kinds = appends
      .flatMap((a) => a.envelopes.map((e) => ({ e, stream: a.streamId })))
      .filter(
        ({ e, stream }) => e.metadata.occurredAt <= middle && /^(opportunity|lead)-/.test(stream),
      ).length;
    expect(byInstant.events).toBe(kinds);
    expect(included).toBeGreaterThan(kinds);
    byInstant.close();
  });
});

describe('as of a past moment, from snapshots', () => {
  jest.setTimeout(60_000);
  const dir = tempDir('ltc-as-of-snapshots-');
  afterAll(() => dir.remove());

  it('starting from the newest snapshot before the moment gives the same rows as replaying from zero', async () => {
    // Snapshots every 300 handled events, so a few thousand events leave several behind.
    const funnel = { ...funnelProjection, snapshots: { every: 300, appendOnly: { moves: 'position' } } };
    const winRate = { ...winRateProjection, snapshots: { every: 300, appendOnly: { closed: 'position' } } };
    const projections = [funnel, winRate] as unknown as AnyProjection[];
    const store = new SqliteEventStore({ file: dir.path('log.sqlite'), synchronous: 'NORMAL' });
    const appends = [...generateHistory({ seed: 808, events: 3000 })];
    for (const a of appends) {
      await store.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    }
    const live = new ReadModelStore({ file: dir.path('read-models.sqlite') });
    const runner = new ProjectionRunner({
      store,
      readModels: live,
      projections,
      batchSize: 100,
    });
    await runner.start();
    await runner.catchUp();
    await runner.stop();
    // The catch-up would commit only at its end (100,000 events): each snapshot falling due commits, so
    // they come every 300 handled events, give or take the batch (at most 100) that crossed the mark.
    const spacing = (name: string) =>
      live.db
        .prepare<[string], number>('SELECT events FROM projection_snapshots WHERE name = ? ORDER BY seq')
        .pluck()
        .all(name)
        .map((events, i, all) => events - (i === 0 ? 0 : all[i - 1]!));
    for (const name of ['funnel', 'win-rate']) {
      expect(spacing(name).length).toBeGreaterThanOrEqual(3);
      expect(spacing(name).every((gap) => gap >= 300 && gap < 400)).toBe(true);
    }
    const at = (i: number) => appends[i]!.envelopes[0]!;
    const moments: KnownAt[] = [
      { instant: String(at(500).metadata.occurredAt) },
      { instant: String(at(1400).metadata.occurredAt) },
      { position: (await store.headPosition())! },
      { instant: '2099-01-01T00:00:00.000Z' },
    ];
    const replayed: [number, number][] = [];
    const refolds: number[] = [];
    for (const asOf of moments) {
      const fromZero = await replayAsOf(store, projections, asOf);
      const fromSnapshot = await replayAsOf(store, projections, asOf, { live });
      expect(dump(fromSnapshot.readModels, projections)).toEqual(dump(fromZero.readModels, projections));
      expect(fromSnapshot.position).toBe(fromZero.position);
      replayed.push([fromSnapshot.events, fromZero.events]);
      refolds.push(fromSnapshot.refolds);
      fromZero.close();
      fromSnapshot.close();
    }
    // Later moments start from a snapshot and replay only the rest of the log.
    expect(replayed.slice(1).every(([fromSnapshot, fromZero]) => fromSnapshot < fromZero / 2)).toBe(true);
    // A snapshot without fold states (taken before they were kept) still gives the same rows, but the
    // replay folds every open stream it meets again from its own events.
    const foldTables = live.db
      .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%fold_states'`)
      .pluck()
      .all();
    expect(foldTables.length).toBeGreaterThanOrEqual(6);
    for (const table of foldTables) live.db.exec(`DROP TABLE "${table}"`);
    const refoldsWithout: number[] = [];
    for (const asOf of moments.slice(1)) {
      const fromZero = await replayAsOf(store, projections, asOf);
      const fromSnapshot = await replayAsOf(store, projections, asOf, { live });
      expect(dump(fromSnapshot.readModels, projections)).toEqual(dump(fromZero.readModels, projections));
      refoldsWithout.push(fromSnapshot.refolds);
      fromZero.close();
      fromSnapshot.close();
    }
    // With them, only the streams with events between the older (win-rate) and the newer (funnel)
    // snapshot are folded again: the snapshot's states are at its own position.
    console.log(
      `refolds from snapshots: with fold states ${refolds.slice(1).join(',')}, without ${refoldsWithout.join(',')}`,
    );
    refoldsWithout.forEach((without, i) => expect(refolds[i + 1]! * 2).toBeLessThan(without));
    live.close();
    await store.close();
  });
});
