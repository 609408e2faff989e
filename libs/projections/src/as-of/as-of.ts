import { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import type { AnyProjection } from '../core/projection';
import { isoStamp } from '../core/stamp';
import { kindOfStream } from '../fold/stream-kinds';
import { BatchProjector, type Target } from '../runner/batch-projector';
import { Generations } from '../store/generations';
import { ReadModelStore } from '../store/read-model-store';
import { restoreSnapshot, snapshotsOf, type Snapshot } from '../store/snapshots';

/** A past moment: a log position, or an instant compared with each event's `occurredAt`. */
export type AsOf = Readonly<{ position: Position }> | Readonly<{ instant: string }>;

export type AsOfOptions = Readonly<{
  upcasters?: UpcasterRegistry;
  batchSize?: number;
  /**
   * Events are stamped by the engine just before they are appended, so past `instant` plus this margin
   * (clock skew between writers) no later event can still be at or before `instant`: reading stops there.
   */
  skewToleranceMs?: number;
  /**
   * The live read models: a projection with snapshots starts from the newest one at or before the
   * moment (its rows, then only the rest of the log), instead of from position zero.
   */
  snapshots?: ReadModelStore;
}>;

/** Read models replayed into memory up to a past moment; query them like the live ones, then close. */
export type AsOfView = Readonly<{
  readModels: ReadModelStore;
  asOf: AsOf;
  /** The last log position included, and when its event happened. */
  position: Position | null;
  lastOccurredAt: string | null;
  events: number;
  close: () => void;
}>;

/**
 * Replays the log into an in-memory SQLite database through the same projections, fold and batch code
 * as the live runner, stopping at a position or an instant. With an instant, a stream's events are
 * included up to its first event stamped after it, in log order.
 */
export async function replayAsOf(
  store: EventStore,
  projections: readonly AnyProjection[],
  asOf: AsOf,
  options: AsOfOptions = {},
): Promise<AsOfView> {
  const readModels = new ReadModelStore({ file: ':memory:' });
  try {
    const generations = new Generations(readModels.db);
    const clock = () => new Date(0);
    const projector = new BatchProjector(
      store,
      readModels,
      generations,
      projections,
      'as-of',
      clock,
      options.upcasters ?? new UpcasterRegistry(),
    );
    const targets: Target[] = projections.map((p) =>
      projector.target(p, generations.create(p, 'as-of', clock().toISOString()).generation),
    );
    const restored =
      options.snapshots === undefined ? [] : restore(readModels, options.snapshots, targets, asOf);
    const from = restored.length === targets.length ? minPosition(restored.map((r) => r.position)) : null;
    const kinds = new Set(projections.flatMap((p) => p.streams));
    const batchSize = options.batchSize ?? 5000;
    const until = 'position' in asOf ? asOf.position : undefined;
    const instant = 'instant' in asOf ? new Date(asOf.instant).toISOString() : undefined;
    const stopAfter =
      instant === undefined
        ? undefined
        : new Date(Date.parse(instant) + (options.skewToleranceMs ?? 300_000)).toISOString();
    const cut = new Set<string>();
    let batch: StoredEvent[] = [];
    let position: Position | null = from;
    let lastOccurredAt: string | null = restored.reduce<string | null>(
      (max, r) =>
        r.maxOccurredAt !== null && (max === null || r.maxOccurredAt > max) ? r.maxOccurredAt : max,
      null,
    );
    let events = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      projector.apply(await projector.project(batch), targets);
      projector.commit();
      batch = [];
      // A long replay in the api must not starve its other requests.
      await new Promise((resolve) => setImmediate(resolve));
    };
    for await (const event of store.readAll(from === null ? {} : { fromPosition: from })) {
      if (until !== undefined && event.position > until) break;
      if (instant !== undefined) {
        const occurredAt = stampOf(event);
        if (stopAfter !== undefined && occurredAt > stopAfter) break;
        if (cut.has(event.streamId)) continue;
        if (occurredAt > instant) {
          cut.add(event.streamId);
          continue;
        }
      }
      const kind = kindOfStream(event.streamId);
      if (kind === undefined || !kinds.has(kind)) continue;
      batch.push(event);
      position = event.position;
      lastOccurredAt = stampOf(event);
      events++;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    for (const target of targets) {
      generations.promote(target.projection.name, target.generation, clock().toISOString());
    }
    return { readModels, asOf, position, lastOccurredAt, events, close: () => readModels.close() };
  } catch (error) {
    readModels.close();
    throw error;
  }
}

function stampOf(event: StoredEvent): string {
  const occurredAt = event.metadata.occurredAt;
  return isoStamp(typeof occurredAt === 'string' ? occurredAt : event.recordedAt);
}

function minPosition(positions: readonly Position[]): Position | null {
  return positions.reduce<Position | null>((min, p) => (min === null || p < min ? p : min), null);
}

/**
 * Fills each target that has a usable snapshot in the live read models: the newest one whose position
 * is at or before the moment (for an instant: whose events all happened by then). One read transaction
 * over both databases, so a promotion in between cannot mix generations.
 */
function restore(
  memory: ReadModelStore,
  live: ReadModelStore,
  targets: readonly Target[],
  asOf: AsOf,
): Snapshot[] {
  if (live.file === ':memory:' || !live.open) return [];
  const db = memory.db;
  db.prepare('ATTACH DATABASE ? AS live').run(live.file);
  try {
    return db.transaction(() => {
      const restored: Snapshot[] = [];
      const generations = new Generations(db);
      for (const target of targets) {
        const { projection } = target;
        if (projection.snapshots === undefined) continue;
        const serving = db
          .prepare<[string, number], { generation: number }>(
            `SELECT generation FROM live.projection_generations WHERE name = ? AND status = 'serving' AND version = ?`,
          )
          .get(projection.name, projection.version);
        if (serving === undefined) continue;
        const usable = snapshotsOf(db, projection.name, serving.generation, 'live').filter((s) =>
          'position' in asOf
            ? s.position <= asOf.position
            : s.maxOccurredAt !== null && s.maxOccurredAt <= new Date(asOf.instant).toISOString(),
        );
        const snapshot = usable.at(-1);
        if (snapshot === undefined) continue;
        restoreSnapshot(db, projection, 'live', snapshot, target.generation);
        generations.checkpoint(
          projection.name,
          target.generation,
          snapshot.position,
          0,
          0,
          'as-of',
          '',
          snapshot.maxOccurredAt,
        );
        restored.push(snapshot);
      }
      return restored;
    })();
  } finally {
    db.exec('DETACH DATABASE live');
  }
}
