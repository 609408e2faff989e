import { occurredAtOf, recordedAtOf, type EventMetadata } from '@ltc/domain';

/** An ISO-8601 instant as `toISOString()` writes it, so plain string order is time order. */
export function isoStamp(value: string): string {
  return value.length === 24 && value.endsWith('Z') ? value : new Date(value).toISOString();
}

type Stamped = Readonly<{ metadata: EventMetadata; recordedAt: string }>;

/** Business time of a stored event (`occurredAtOf`), or the store's commit time for an event without one. */
export function occurredAtOfStored(event: Stamped): string {
  const { metadata } = event;
  return isoStamp(typeof metadata.occurredAt === 'string' ? occurredAtOf(metadata) : event.recordedAt);
}

/**
 * Knowledge time of a stored event: the domain's `recordedAtOf` (events stored before it was stamped
 * read as `recordedAt = occurredAt`); the store's commit time for an event with neither.
 */
export function recordedAtOfStored(event: Stamped): string {
  const { metadata } = event;
  return isoStamp(typeof metadata.occurredAt === 'string' ? recordedAtOf(metadata) : event.recordedAt);
}

/** How far an event's business time may trail its knowledge time before it counts as a late entry. */
export const LATE_AFTER_MS = 300_000;

/** A late entry: business time more than {@link LATE_AFTER_MS} before the event was recorded. */
export function isLate(occurredAt: string, recordedAt: string): boolean {
  // Both are `toISOString()` stamps: the same minute or a later one is never late (no date parsing).
  if (occurredAt.slice(0, 16) >= recordedAt.slice(0, 16)) return false;
  return Date.parse(occurredAt) < Date.parse(recordedAt) - LATE_AFTER_MS;
}
