import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import type { AnyProjection } from '../core/projection';
import { occurredAtOfStored, recordedAtOfStored } from '../core/stamp';
import type { ReadModelStore } from '../store/read-model-store';
import type { Snapshot } from '../store/snapshots';
import { Bounds, toMoment, type KnownAt, type Moment } from './moment';
import { minPosition, ReplaySession, type AsOfOptions } from './replay-session';

export type { AsOfOptions } from './replay-session';

/** Read models replayed into memory as of a moment; query them like the live ones, then close. */
export type AsOfView = Readonly<{
  readModels: ReadModelStore;
  moment: Moment;
  /** The last log position included, and the latest business time among the events included. */
  position: Position | null;
  lastOccurredAt: string | null;
  events: number;
  /** Streams folded again from their own events (not in the cache a restored snapshot started). */
  refolds: number;
  close: () => void;
}>;

/** The snapshots a replay for these bounds may start from: every event in them is in the answer. */
export function snapshotUsable(bounds: Bounds): (snapshot: Snapshot) => boolean {
  return (s) => {
    if (bounds.asOf !== undefined && (s.maxOccurredAt === null || s.maxOccurredAt > bounds.asOf))
      return false;
    if (bounds.knownPosition !== undefined && s.position > bounds.knownPosition) return false;
    // A snapshot taken before knowledge time was kept held only events recorded when they occurred.
    const known = s.maxRecordedAt ?? s.maxOccurredAt;
    return bounds.knownInstant === undefined || (known !== null && known <= bounds.knownInstant);
  };
}

/**
 * Replays the log into an in-memory SQLite database through the same projections, fold and batch code
 * as the live runner: exactly the events that occurred by `asOf` and were recorded by `knownAt`, in log
 * order (per stream both times grow with the revision, so each stream contributes a prefix; a stream is
 * cut at its first event outside the moment). Reading stops where the log can hold nothing more for the
 * moment: past `knownAt` (plus the skew), or past `asOf` (plus the late-entry margin and the skew) when
 * the live late-entries index serves — the late entries recorded after that come from the index.
 * A bare `{ instant }` or `{ position }` is the knowledge bound alone (the shape before business time).
 */
export async function replayAsOf(
  store: EventStore,
  projections: readonly AnyProjection[],
  at: Moment | KnownAt,
  options: AsOfOptions = {},
): Promise<AsOfView> {
  const moment = toMoment(at);
  const session = new ReplaySession(store, projections, options);
  try {
    const bounds = new Bounds(moment, session.skewMs);
    const restored = session.restore(snapshotUsable(bounds));
    const from =
      restored.length === session.targets.length ? minPosition(restored.map((r) => r.position)) : null;
    const cut = new Set<string>();
    let position: Position | null = from;
    let lastOccurredAt: string | null = restored.reduce<string | null>(
      (max, r) =>
        r.maxOccurredAt !== null && (max === null || r.maxOccurredAt > max) ? r.maxOccurredAt : max,
      null,
    );
    let events = 0;
    const consider = async (event: StoredEvent) => {
      if (cut.has(event.streamId)) return;
      if (!bounds.includes(event)) {
        cut.add(event.streamId);
        return;
      }
      if (!session.reads(event)) return;
      await session.add(event);
      position = event.position;
      const occurredAt = occurredAtOfStored(event);
      if (lastOccurredAt === null || occurredAt > lastOccurredAt) lastOccurredAt = occurredAt;
      events++;
    };
    // Late entries after the business instant come from the live index when it has seen that far.
    const indexed = bounds.asOf === undefined ? undefined : session.lateCheckpoint();
    let rest: StoredEvent | undefined;
    for await (const event of store.readAll(from === null ? {} : { fromPosition: from })) {
      const recordedAt = Date.parse(recordedAtOfStored(event));
      if (bounds.endsAt(event, recordedAt)) break;
      if (recordedAt > bounds.normalUntil && indexed !== undefined && indexed >= event.position) {
        rest = event;
        break;
      }
      await consider(event);
    }
    if (rest !== undefined && indexed !== undefined) {
      const late = session.lateEntries({
        from: rest.position,
        until: indexed,
        ...(bounds.asOf === undefined ? {} : { occurredBy: bounds.asOf }),
        ...(bounds.knownInstant === undefined ? {} : { recordedBy: bounds.knownInstant }),
        ...(bounds.knownPosition === undefined ? {} : { positionBy: bounds.knownPosition }),
        order: 'position',
      });
      for (const row of late) await consider(await session.fetch(row));
      // What the index has not seen yet: the tail of the log since its checkpoint.
      for await (const event of store.readAll({ fromPosition: indexed })) {
        if (bounds.endsAt(event, Date.parse(recordedAtOfStored(event)))) break;
        await consider(event);
      }
    }
    await session.flush();
    session.serve();
    return {
      readModels: session.readModels,
      moment,
      position,
      lastOccurredAt,
      events,
      refolds: session.projector.states.refolds,
      close: () => session.close(),
    };
  } catch (error) {
    session.close();
    throw error;
  }
}
