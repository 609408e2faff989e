import { verifyChain, type ChainBreak } from '@ltc/engine';
import type { EventStore, StoredEvent } from '@ltc/event-store';

export type StreamVerification = Readonly<{
  streamId: string;
  events: number;
  ok: boolean;
  /** The first event whose hash or link does not match, or null. */
  firstBreak: (ChainBreak & { position: string }) | null;
}>;

/** Recomputes one stream's hash chain from the stored events (not upcast: the hash covers what is stored). */
export function verifyStreamEvents(streamId: string, events: readonly StoredEvent[]): StreamVerification {
  const broken = verifyChain(events);
  const at = broken === null ? undefined : events.find((e) => e.revision === broken.revision);
  return {
    streamId,
    events: events.length,
    ok: broken === null,
    firstBreak: broken === null ? null : { ...broken, position: at?.position ?? '' },
  };
}

export async function verifyStream(store: EventStore, streamId: string): Promise<StreamVerification> {
  return verifyStreamEvents(streamId, await store.readStream(streamId));
}

export type LogVerification = Readonly<{
  streams: number;
  events: number;
  broken: readonly StreamVerification[];
}>;

/**
 * Every stream of the log, one at a time: first the stream ids (one pass over the log), then each
 * stream read and verified on its own, so memory holds one stream.
 */
export async function verifyAllStreams(
  store: EventStore,
  onStream?: (done: number, total: number, result: StreamVerification) => void,
): Promise<LogVerification> {
  const ids = new Set<string>();
  for await (const event of store.readAll()) ids.add(event.streamId);
  const broken: StreamVerification[] = [];
  let events = 0;
  let done = 0;
  for (const streamId of ids) {
    const result = await verifyStream(store, streamId);
    events += result.events;
    if (!result.ok) broken.push(result);
    onStream?.(++done, ids.size, result);
  }
  return { streams: ids.size, events, broken };
}
