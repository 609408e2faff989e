import type { EventMetadata } from '@ltc/domain';
import type { StoredEvent } from '../event-store.port';
import { sequencePosition } from '../core/sequence-position';
import type { EventRow } from './sqlite-statements';

/** Maps a raw row to the port's shape; the one per-event cost of every read, so kept flat. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row[1],
    type: row[4],
    data: JSON.parse(row[5]) as object,
    metadata: JSON.parse(row[6]) as EventMetadata,
    streamId: row[2],
    revision: row[3],
    position: sequencePosition(row[0]),
    recordedAt: row[7],
  };
}
