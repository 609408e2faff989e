import type { EventFilter, StoredEvent } from '../event-store.port';
import { InvalidEventError } from './event-store.errors';

/** Refuses filters that would silently match everything or EventStoreDB's own `$` events. */
export function checkFilter(filter: EventFilter | undefined): void {
  for (const prefix of [...(filter?.streamPrefixes ?? []), ...(filter?.eventTypePrefixes ?? [])]) {
    if (typeof prefix !== 'string' || prefix.length === 0 || prefix.startsWith('$')) {
      throw new InvalidEventError(
        'filter',
        `prefix "${String(prefix)}" must be non-empty and not start with $`,
      );
    }
  }
}

export function matchesFilter(event: StoredEvent, filter: EventFilter | undefined): boolean {
  if (filter === undefined) return true;
  const { streamPrefixes, eventTypePrefixes } = filter;
  return (
    (streamPrefixes === undefined || streamPrefixes.some((p) => event.streamId.startsWith(p))) &&
    (eventTypePrefixes === undefined || eventTypePrefixes.some((p) => event.type.startsWith(p)))
  );
}
