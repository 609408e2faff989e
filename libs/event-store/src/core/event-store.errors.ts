import { DomainError } from '@ltc/domain';
import type { ExpectedRevision, StreamHead, StreamRevision } from '../event-store.port';

/** Base of the errors every adapter raises the same way; `code` is stable. */
export abstract class EventStoreError extends DomainError {}

/** A lost race or a wrong expectation: the stream is not where the caller expected it. */
export class ConcurrencyError extends EventStoreError {
  readonly code = 'CONCURRENCY';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision,
  ) {
    super(`stream "${stream}" expected at ${String(expected)} but is at ${String(actual)}`);
  }
}

/** The caller demanded a stream that has no events. */
export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly stream: string) {
    super(`stream "${stream}" not found`);
  }
}

/** The append itself is malformed (an event that is not plain JSON, a bad id, an empty batch); nothing was stored. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * An event id is already stored, but not as this same batch in this stream. EventStoreDB only keeps ids
 * unique per stream, so it cannot raise this for an id reused in another stream.
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly storedIn: string,
  ) {
    super(`event id ${eventId} is already stored in stream "${storedIn}"`);
  }
}

/**
 * The stream's events and its head anchor disagree: its last events were deleted from the store (or
 * events were written past the adapter). An append would write over the revisions they had and hide
 * it, so the stream takes none until the store is restored.
 */
export class StreamHeadMismatchError extends EventStoreError {
  readonly code = 'STREAM_HEAD_MISMATCH';
  constructor(
    readonly stream: string,
    readonly actual: StreamRevision,
    readonly head: StreamHead | null,
  ) {
    super(
      `stream "${stream}" ends at ${String(actual)} but its head anchor is at ` +
        (head === null ? 'no revision' : `revision ${head.revision} (event ${head.id})`) +
        ': the store was changed outside the event store; the stream takes no appends until it is restored',
    );
  }
}
