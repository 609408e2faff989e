import { verifyChain, type ChainBreak } from '@ltc/hash-chain';
import {
  isSequencePosition,
  sequencePosition,
  StreamNotFoundError,
  type EventStore,
  type Position,
  type StoredEvent,
  type StreamHead,
} from '@ltc/event-store';

export type StreamVerification = Readonly<{
  streamId: string;
  events: number;
  ok: boolean;
  /** The first event whose hash or link does not match, or null. */
  firstBreak: (ChainBreak & { position: string }) | null;
}>;

/**
 * Recomputes one stream's hash chain from the stored events (not upcast: the hash covers what is
 * stored), then holds its end to the stream's head anchor: a chain cannot show that its last events
 * were deleted (nothing links to them), the anchor, kept apart from the events, does.
 */
export function verifyStreamEvents(
  streamId: string,
  events: readonly StoredEvent[],
  head: StreamHead | null,
): StreamVerification {
  const broken = verifyChain(events) ?? tailBreak(events, head);
  const at = broken === null ? undefined : events.find((e) => e.revision === broken.revision);
  return {
    streamId,
    events: events.length,
    ok: broken === null,
    firstBreak: broken === null ? null : { ...broken, position: at?.position ?? '' },
  };
}

/**
 * The stream against its head anchor, read before the events: the anchored event must be among them
 * (events after it may have been appended since the anchor was read).
 */
function tailBreak(events: readonly StoredEvent[], head: StreamHead | null): ChainBreak | null {
  const last = events.at(-1);
  if (head === null) {
    return last === undefined
      ? null
      : { revision: last.revision, id: last.id, reason: 'the stream has no head anchor' };
  }
  const anchored = events.find((e) => e.revision === head.revision);
  if (anchored?.id === head.id) return null;
  const anchor = `its head anchor (revision ${head.revision}, event ${head.id})`;
  const reason =
    anchored !== undefined
      ? `the event at revision ${head.revision} is ${anchored.id}, not ${anchor}: its tail was replaced`
      : last === undefined
        ? `the stream has no events, but ${anchor}: they were deleted`
        : `the stream ends at revision ${last.revision}, before ${anchor}: its last event(s) were deleted`;
  return { revision: head.revision, id: head.id, reason };
}

export async function verifyStream(store: EventStore, streamId: string): Promise<StreamVerification> {
  const head = await store.streamHead(streamId); // first: appends in between only add events after it
  let events: readonly StoredEvent[] = [];
  try {
    events = await store.readStream(streamId);
  } catch (error) {
    // Every event of an anchored stream deleted is a break, not an unknown stream.
    if (!(error instanceof StreamNotFoundError) || head === null) throw error;
  }
  return verifyStreamEvents(streamId, events, head);
}

/** Positions missing from a log that numbers its events (SQLite, memory): deleted events. */
export type MissingPositions = Readonly<{ from: Position; to: Position; count: number }>;

export type LogVerification = Readonly<{
  streams: number;
  events: number;
  broken: readonly StreamVerification[];
  /**
   * Holes in the log's numbering. A stream's chain cannot show that its *last* event was deleted
   * (nothing links to it), but the log's numbering can. Empty when the store's positions are not a
   * numbering (EventStoreDB: byte offsets), see `numbered`.
   */
  missing: readonly MissingPositions[];
  numbered: boolean;
  head: Position | null;
  /** Set when the log ends before `seenUpTo` (how far the read models got): its last events were deleted. */
  truncated: Readonly<{ head: Position | null; seenUpTo: Position }> | null;
}>;

export type VerifyAllOptions = Readonly<{
  onStream?: (done: number, total: number, result: StreamVerification) => void;
  /** The furthest position something outside the log saw (the read models' checkpoints). */
  seenUpTo?: Position | null;
}>;

/**
 * Every stream of the log, one at a time: first the stream ids and the log's numbering (one pass over
 * the log), then each stream read and verified on its own, so memory holds one stream.
 */
export async function verifyAllStreams(
  store: EventStore,
  options: VerifyAllOptions = {},
): Promise<LogVerification> {
  const ids = new Set<string>();
  const missing: MissingPositions[] = [];
  let numbered = true;
  let previous = 0;
  let head: Position | null = null;
  for await (const event of store.readAll()) {
    ids.add(event.streamId);
    head = event.position;
    if (!numbered || !isSequencePosition(event.position)) {
      numbered = false;
      continue;
    }
    const n = Number(event.position);
    if (n > previous + 1) {
      missing.push({
        from: sequencePosition(previous + 1),
        to: sequencePosition(n - 1),
        count: n - previous - 1,
      });
    }
    previous = n;
  }
  const broken: StreamVerification[] = [];
  let events = 0;
  let done = 0;
  for (const streamId of ids) {
    const result = await verifyStream(store, streamId);
    events += result.events;
    if (!result.ok) broken.push(result);
    options.onStream?.(++done, ids.size, result);
  }
  const seenUpTo = options.seenUpTo ?? null;
  const truncated = seenUpTo !== null && (head === null || head < seenUpTo) ? { head, seenUpTo } : null;
  return { streams: ids.size, events, broken, missing: numbered ? missing : [], numbered, head, truncated };
}
