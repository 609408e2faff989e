import type { EventStore } from '@ltc/event-store';
import { generateHistory, type HistoryOptions } from './generate-history';

/** Appends a generated history through the port, one command at a time with its expected revision. */
export async function appendHistory(
  store: EventStore,
  options: HistoryOptions,
  onAppend?: (events: number) => void | Promise<void>,
): Promise<number> {
  let events = 0;
  for (const append of generateHistory(options)) {
    await store.append(
      append.streamId,
      append.envelopes,
      append.revision === 0 ? 'noStream' : append.revision - 1,
    );
    events += append.envelopes.length;
    await onAppend?.(events);
  }
  return events;
}
