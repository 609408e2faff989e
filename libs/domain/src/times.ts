import type { EventMetadata } from './message';

/** The part of an event's metadata that carries its two times (any stored or result metadata fits). */
export type TimedMetadata = Readonly<{ occurredAt?: unknown; recordedAt?: unknown }>;

/** Business time: when the fact happened (ISO-8601 UTC). */
export function occurredAtOf(metadata: TimedMetadata | EventMetadata): string {
  return String(metadata.occurredAt);
}

/**
 * Knowledge time: when the engine appended the event. Events stored before the two times existed carry
 * only `occurredAt`, which was then the server time of the append: they read as `recordedAt = occurredAt`
 * (an upcast on read; no stored bytes change, so the hash chain stays valid).
 */
export function recordedAtOf(metadata: TimedMetadata | EventMetadata): string {
  const recordedAt = metadata.recordedAt;
  return typeof recordedAt === 'string' ? recordedAt : occurredAtOf(metadata);
}
