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
}>;

export type Sample<T> = Readonly<{ asOf: string; value: T }>;

export type SampleOptions = AsOfOptions & Readonly<{ knownAt?: KnownAt }>;

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
  const session = new ReplaySession(store, projections, options, false);
  try {
    const knownAt = options.knownAt === undefined ? {} : { knownAt: options.knownAt };
    const knowledge = new Bounds(knownAt, session.skewMs);
    const restored = session.restore(snapshotUsable(new Bounds({ asOf: first, ...knownAt }, session.skewMs)));
    const from =
      restored.length === session.targets.length ? minPosition(restored.map((r) => r.position)) : null;
    session.serve();
    let events = 0;

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
        value: sample({ readModels: session.readModels, asOf: at, knownAt: options.knownAt, events }),
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
      if (isLate(occurredAt, recordedAt)) continue; // merged in from `late`
      if (cut.has(event.streamId)) continue;
      if (!knowledge.known(event, recordedAt)) {
        cut.add(event.streamId);
        continue;
      }
      if (occurredAt > last || !session.reads(event)) continue;
      // A stream's business time never goes back (the pipeline refuses it); older logs may jitter by a
      // few ms, so a stream's event is never scheduled before its predecessor.
      const previous = lastAt.get(event.streamId);
      const at = previous !== undefined && previous > occurredAt ? previous : occurredAt;
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
