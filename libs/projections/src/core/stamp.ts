import type { EventMetadata } from '@ltc/domain';

/** An ISO-8601 instant as `toISOString()` writes it, so plain string order is time order. */
export function isoStamp(value: string): string {
  return value.length === 24 && value.endsWith('Z') ? value : new Date(value).toISOString();
}

type Stamped = Readonly<{ metadata: EventMetadata; recordedAt: string }>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Business time of a stored event: its `occurredAt`, or the store's commit time for an event without one. */
export function occurredAtOfStored(event: Stamped): string {
  return isoStamp(text(event.metadata.occurredAt) ?? event.recordedAt);
}

/**
 * Knowledge time of a stored event: the pipeline's `recordedAt`; events stored before it was stamped read
 * as `recordedAt = occurredAt` (the domain's `recordedAtOf`), and the store's time is the last resort.
 */
export function recordedAtOfStored(event: Stamped): string {
  const m = event.metadata;
  return isoStamp(text(m['recordedAt']) ?? text(m.occurredAt) ?? event.recordedAt);
}

/** How far an event's business time may trail its knowledge time before it counts as a late entry. */
export const LATE_AFTER_MS = 300_000;

/** A late entry: business time more than {@link LATE_AFTER_MS} before the event was recorded. */
export function isLate(occurredAt: string, recordedAt: string): boolean {
  // Both are `toISOString()` stamps: the same minute or a later one is never late (no date parsing).
  if (occurredAt.slice(0, 16) >= recordedAt.slice(0, 16)) return false;
  return Date.parse(occurredAt) < Date.parse(recordedAt) - LATE_AFTER_MS;
}
