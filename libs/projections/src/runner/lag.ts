import { isSequencePosition, type Position } from '@ltc/event-store';

/**
 * How many positions a checkpoint is behind the head. Exact for stores that number their log (SQLite,
 * memory); null where positions are byte offsets (EventStoreDB), where only "caught up or not" is known.
 */
export function positionsBehind(head: Position | null, position: Position | null): number | null {
  if (head === null) return 0;
  if (position !== null && position >= head) return 0;
  if (!isSequencePosition(head) || (position !== null && !isSequencePosition(position))) return null;
  return Number(head) - (position === null ? 0 : Number(position));
}
