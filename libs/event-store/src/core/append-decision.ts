import type { AppendResult, ExpectedRevision, StreamRevision } from '../event-store.port';
import { ConcurrencyError, DuplicateEventIdError } from './event-store.errors';
import type { Position } from './position';

/** Where an already stored event sits, as the idempotency check needs it. */
export type StoredRef = Readonly<{ streamId: string; revision: number; position: Position }>;

/** Throws `ConcurrencyError` unless `current` satisfies `expected`. */
export function checkExpectation(stream: string, expected: ExpectedRevision, current: StreamRevision): void {
  const ok =
    expected === 'any' ||
    (expected === 'noStream' && current === 'noStream') ||
    (expected === 'streamExists' && current !== 'noStream') ||
    (typeof expected === 'number' && expected === current);
  if (!ok) throw new ConcurrencyError(stream, expected, current);
}

/**
 * Decides a re-append whose first event id is already stored, EventStoreDB's way: if the whole batch
 * sits, in order, where the same expectation would have put it the first time, return that first
 * result and store nothing; an id stored in another stream is a `DuplicateEventIdError`; anything else
 * (a partial overlap, a different expectation) is the caller being wrong about the stream:
 * `ConcurrencyError`. EventStoreDB differs in one corner: an exact expectation equal to the current
 * revision writes the batch again there, where SQLite's UNIQUE(event_id) refuses it.
 */
export function replayResult(
  stream: string,
  expected: ExpectedRevision,
  current: StreamRevision,
  stored: readonly (StoredRef | undefined)[],
  ids: readonly string[],
): AppendResult {
  const first = stored[0];
  stored.forEach((ref, i) => {
    if (ref !== undefined && ref.streamId !== stream)
      throw new DuplicateEventIdError(ids[i] ?? '', ref.streamId);
  });
  const inPlace =
    first !== undefined && stored.every((ref, i) => ref !== undefined && ref.revision === first.revision + i);
  const firstTimeOk =
    first !== undefined &&
    (expected === 'any' ||
      (expected === 'noStream' && first.revision === 0) ||
      (expected === 'streamExists' && first.revision > 0) ||
      expected === first.revision - 1);
  const last = stored[stored.length - 1];
  if (!inPlace || !firstTimeOk || last === undefined) throw new ConcurrencyError(stream, expected, current);
  return { nextRevision: last.revision, position: last.position };
}
