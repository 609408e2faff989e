import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@ltc/domain';
import { canonicalJson } from '@ltc/workflow-kit';

/** The parts of an event that its hash covers: everything but the hash itself. */
export type Hashable = Readonly<{
  id: string;
  type: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
}>;

/**
 * Tamper evidence: each event's hash covers its id, type, data and metadata (including the previous
 * event's hash), so changing any byte of any stored event breaks the chain from that event on.
 */
export function eventHash(event: Hashable): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const body = canonicalJson({ id: event.id, type: event.type, data: event.data, metadata }, 0);
  return createHash('sha256').update(body).digest('hex');
}

/** Adds `previousHash` and `hash` to each envelope, chained from the stream's last hash. */
export function chainEnvelopes(
  previousHash: string | null,
  envelopes: readonly EventEnvelope[],
): EventEnvelope[] {
  let previous = previousHash;
  return envelopes.map((envelope) => {
    const linked = { ...envelope, metadata: { ...envelope.metadata, previousHash: previous } };
    const hash = eventHash(linked);
    previous = hash;
    return { ...linked, metadata: { ...linked.metadata, hash } };
  });
}

export type ChainBreak = Readonly<{ revision: number; id: string; reason: string }>;

/** Recomputes a stream's chain; the first event whose hash or link does not match, or null. */
export function verifyChain(events: Iterable<Hashable & { revision: number }>): ChainBreak | null {
  let previous: string | null = null;
  for (const event of events) {
    const { hash, previousHash } = event.metadata;
    if ((previousHash ?? null) !== previous) {
      return {
        revision: event.revision,
        id: event.id,
        reason: 'previousHash does not match the event before it',
      };
    }
    if (hash !== eventHash(event)) {
      return { revision: event.revision, id: event.id, reason: 'hash does not match the event content' };
    }
    previous = hash;
  }
  return null;
}
