import type { KnownAt } from '@ltc/projections';

/** Where a fact sits in the log and in business time: what every "in force at a moment" rule reads. */
export type LoggedFact = Readonly<{
  /** The event's id (the fact's provenance). */
  eventId: string;
  position: string;
  occurredAt: string;
  recordedAt: string;
}>;

/** Whether the log held `fact` at the knowledge bound (none: everything known now). */
export function knownBy(fact: LoggedFact, knownAt: KnownAt | undefined): boolean {
  if (knownAt === undefined) return true;
  return 'position' in knownAt ? fact.position <= knownAt.position : fact.recordedAt <= knownAt.instant;
}

/** Business time first, then the log order: the later of two facts about the same thing wins. */
export const laterFact = (a: LoggedFact, b: LoggedFact): number =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.position < b.position ? -1 : 1;
