import type { Event, UpcasterRegistry } from '@ltc/domain';
import type { StoredEvent } from '@ltc/event-store';

/** Every read path upcasts: old schema versions reach the machines and projections as current ones. */
export function upcastStored(upcasters: UpcasterRegistry, stored: StoredEvent): Event {
  return upcasters.upcast(
    { type: stored.type, data: stored.data },
    Number(stored.metadata.schemaVersion ?? 1),
  );
}
