import { asPosition, type EventStore, type Position, type StoredEvent } from '@ltc/event-store';
import type { AnyProjection } from '../core/projection';
import { isLate, isoStamp, LATE_AFTER_MS, occurredAtOfStored, recordedAtOfStored } from '../core/stamp';
import { MinHeap } from '../core/min-heap';
import type { ReadModelStore } from '../store/read-model-store';
import { snapshotUsable } from './as-of';
import { Bounds, type KnownAt } from './moment';
import { minPosition, ReplaySession, type AsOfOptions } from './replay-session';

/** The read models at one business instant of a sampling run, for the sampler's queries. */
export type SampleView = Readonly<{
  readModels: ReadModelStore;
  asOf: string;
  knownAt: KnownAt | undefined;
  /** Events applied by this run so far (a restored snapshot's aside). */
  events: number;
  /**
   * True when an imported event recorded after this instant is applied: with `knownAtEachInstant` it
   * counts as known when it occurred, so what was known at the instant is reconstructed.
   */
  reconstructed: boolean;
  /** The latest `recordedAt` of an imported event applied so far (null: none). */
  importedUntil: string | null;
}>;

export type Sample<T> = Readonly<{ asOf: string; value: T }>;

export type SampleOptions = AsOfOptions &
  Readonly<{
    knownAt?: KnownAt;
    /**
     * Each sample as known at its own instant (`asOf = knownAt = instant`): what a backtest may see at
     * each week, every event applied at the later of its two times. An imported event is the exception:
     * it counts as known when it occurred (the import reconstructs that knowledge; the view counts them).
     * Not with `knownAt`.
     */
    knownAtEachInstant?: boolean;
  }>;

/** An event waiting to be applied at its business time; its position keeps log order on equal times. */
type Due = {
  at: string;
  position: Position;
  event: StoredEvent | undefined;
  stream: string;
  revision: number;
};

/**
 * The read models at many business instants (`asOf`, ascending), as known at `knownAt`, in ONE pass over
 * the log: events are applied in business-time order — the log's normal flow (whose `occurredAt` trails
 * its order by at most the skew, held in a small heap until the log has moved past them) merged with the
 * late entries (from the live index, plus the log's tail it has not seen), each stream still in revision
 * order because its business time never goes back — and `sample` runs on the read models at each instant.
 * Each sample equals `replayAsOf(store, projections, { asOf, knownAt })` (the spec proves it).
 */
export async function sampleAt<T>(
  store: EventStore,
  projections: readonly AnyProjection[],
  instants: readonly string[],
  sample: (view: SampleView) => T,
  options: SampleOptions = {},
): Promise<Sample<T>[]> {
  const asOfs = instants.map(isoStamp);
  asOfs.forEach((at, i) => {
    if (i > 0 && at <= (asOfs[i - 1] as string)) throw new RangeError('sampleAt: instants must ascend');
  });
  const samples: Sample<T>[] = [];
  const first = asOfs[0];
  const last = asOfs[asOfs.length - 1];
  if (first === undefined || last === undefined) return samples;
  const each = options.knownAtEachInstant === true;
  if (each && options.knownAt !== undefined)
    throw new RangeError('sampleAt: knownAt and knownAtEachInstant exclude each other');
  const session = new ReplaySession(store, projections, options, false);
  try {
    const knownAt = options.knownAt === undefined ? {} : { knownAt: options.knownAt };
    const knowledge = new Bounds(knownAt, session.skewMs);
    // Known at each instant: a snapshot is usable when it held only what was known at the first one.
    const restoreAt = each ? { knownAt: { instant: first } } : knownAt;
    const restored = session.restore(
      snapshotUsable(new Bounds({ asOf: first, ...restoreAt }, session.skewMs)),
    );
    const from =
      restored.length === session.targets.length ? minPosition(restored.map((r) => r.position)) : null;
    session.serve();
    let events = 0;
    let importedUntil: string | null = null;

    // The late entries after `from`: indexed up to the index's checkpoint, scanned from the log after it.
    const checkpoint = session.lateCheckpoint();
    const indexed = checkpoint !== undefined && (from === null || checkpoint > from) ? checkpoint : undefined;
    const late: Due[] =
      indexed === undefined
        ? []
        : session
            .lateEntries({
              ...(from === null ? {} : { after: from }),
              until: indexed,
              occurredBy: last,
              ...(knowledge.knownInstant === undefined ? {} : { recordedBy: knowledge.knownInstant }),
              ...(knowledge.knownPosition === undefined ? {} : { positionBy: knowledge.knownPosition }),
              order: 'occurred',
            })
            .map((row) => ({
              at: row.occurred_at,
              position: asPosition(row.position),
              event: undefined,
              stream: row.stream_id,
              revision: row.revision,
            }));
    const tailFrom = indexed ?? from;
    for await (const event of store.readAll(tailFrom === null ? {} : { fromPosition: tailFrom })) {
      const recordedAt = recordedAtOfStored(event);
      if (knowledge.endsAt(event, Date.parse(recordedAt))) break;
      const occurredAt = occurredAtOfStored(event);
      if (!isLate(occurredAt, recordedAt) || occurredAt > last || !knowledge.known(event, recordedAt))
        continue;
      // Known at each instant, a late entry is due when recorded (the main pass), an imported one when it occurred.
      if (each && event.metadata.imported !== true) continue;
      const { position, streamId: stream, revision } = event;
      late.push({ at: occurredAt, position, event, stream, revision });
    }
    late.sort(byTime);

    const heap = new MinHeap<Due>((a, b) => byTime(a, b) < 0);
    const cut = new Set<string>();
    let nextLate = 0;
    let nextInstant = 0;
    const apply = async (due: Due) => {
      // Only events of the moment were scheduled: a stream cut later keeps what came before its cut.
      const event = due.event ?? (await session.fetch({ stream_id: due.stream, revision: due.revision }));
      if (!session.reads(event)) return;
      const imported = event.metadata.imported === true;
      // Known at each instant, an indexed late entry that was not imported is applied by the main pass.
      if (each && due.event === undefined && !imported) return;
      if (imported) {
        const recordedAt = recordedAtOfStored(event);
        if (importedUntil === null || recordedAt > importedUntil) importedUntil = recordedAt;
      }
      await session.add(event);
      events++;
    };
    /** Applies everything due by `at`, in business-time order, then samples. */
    const sampleNext = async () => {
      const at = asOfs[nextInstant] as string;
      for (;;) {
        const top = heap.peek();
        const lateTop = late[nextLate];
        const takeLate = lateTop !== undefined && (top === undefined || byTime(lateTop, top) < 0);
        const due = takeLate ? lateTop : top;
        if (due === undefined || due.at > at) break;
        if (takeLate) nextLate++;
        else heap.pop();
        await apply(due);
      }
      await session.flush();
      samples.push({
        asOf: at,
        value: sample({
          readModels: session.readModels,
          asOf: at,
          knownAt: options.knownAt,
          events,
          reconstructed: importedUntil !== null && importedUntil > at,
          importedUntil,
        }),
      });
      nextInstant++;
    };

    const lastAt = new Map<string, string>();
    for await (const event of store.readAll(from === null ? {} : { fromPosition: from })) {
      const recordedAt = recordedAtOfStored(event);
      const recordedMs = Date.parse(recordedAt);
      if (knowledge.endsAt(event, recordedMs)) break;
      // Past this, no normal event still to come in the log occurred at or before the next instant.
      const watermark = recordedMs - LATE_AFTER_MS - session.skewMs;
      while (nextInstant < asOfs.length && Date.parse(asOfs[nextInstant] as string) < watermark) {
        await sampleNext();
      }
      if (nextInstant === asOfs.length) break;
      const occurredAt = occurredAtOfStored(event);
      const late = isLate(occurredAt, recordedAt);
      // Merged in from `late`; known at each instant, only the imported ones (the rest are due when recorded).
      if (late && (!each || event.metadata.imported === true)) continue;
      if (cut.has(event.streamId)) continue;
      if (!knowledge.known(event, recordedAt)) {
        cut.add(event.streamId);
        continue;
      }
      const dueAt = each && recordedAt > occurredAt ? recordedAt : occurredAt;
      if (dueAt > last || !session.reads(event)) continue;
      // A stream's business time never goes back (the pipeline refuses it); older logs may jitter by a
      // few ms, so a stream's event is never scheduled before its predecessor.
      const previous = lastAt.get(event.streamId);
      const at = previous !== undefined && previous > dueAt ? previous : dueAt;
      lastAt.set(event.streamId, at);
      heap.push({ at, position: event.position, event, stream: event.streamId, revision: event.revision });
    }
    while (nextInstant < asOfs.length) await sampleNext();
    return samples;
  } finally {
    session.close();
  }
}

const byTime = (a: Due, b: Due): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
