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

/** A command field that carries the business date of its fact, and whether it is an instant or a day. */
export type FactDate = Readonly<{ field: string; kind: 'instant' | 'date' }>;

/**
 * The commands that carry their own business date. One business time per fact: the event's
 * `occurredAt` defaults from this field, and a command asking for another `occurredAt` is refused.
 * `expectedCloseDate` and `decisionDate` are forecasts, not facts: they are not listed.
 */
export const FACT_DATES: Readonly<Record<string, FactDate>> = {
  WinOpportunity: { field: 'signedAt', kind: 'instant' },
  RecordPayment: { field: 'receivedOn', kind: 'date' },
  RecordLeadTouch: { field: 'touchedAt', kind: 'instant' },
  RecordCustomerTouch: { field: 'touchedAt', kind: 'instant' },
};
