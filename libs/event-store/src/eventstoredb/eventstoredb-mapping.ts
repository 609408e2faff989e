import type { AppendExpectedRevision, RecordedEvent } from '@eventstore/db-client';
import type { EventMetadata } from '@ltc/domain';
import type { ExpectedRevision, StoredEvent } from '../event-store.port';
import { ConcurrencyError, InvalidEventError, StreamNotFoundError } from '../core/event-store.errors';
import type { Position } from '../core/position';
import { esdbClient } from './eventstoredb-client';

export function toEsdbExpectation(expected: ExpectedRevision): AppendExpectedRevision {
  const { ANY, NO_STREAM, STREAM_EXISTS } = esdbClient();
  switch (expected) {
    case 'any':
      return ANY;
    case 'noStream':
      return NO_STREAM;
    case 'streamExists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Maps the client's errors to the port's; anything unknown (network, auth) passes through unchanged. */
export function toPortError(error: unknown, stream: string, expected?: ExpectedRevision): unknown {
  const client = esdbClient();
  const { WrongExpectedVersionError, StreamDeletedError, MaxAppendSizeExceededError } = client;
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new ConcurrencyError(
      stream,
      expected ?? 'any',
      typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'noStream',
    );
  }
  if (error instanceof client.StreamNotFoundError || error instanceof StreamDeletedError) {
    return new StreamNotFoundError(stream);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEventError(
      'events',
      `batch exceeds the server's max append size (${error.maxAppendSize} bytes)`,
    );
  }
  return error;
}

/** EventStoreDB's own streams and events (`$stats-…`, `$>` links) are never part of the port's log. */
export function isSystemEvent(event: RecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function toStoredEvent(event: RecordedEvent, position: Position): StoredEvent {
  return {
    id: event.id,
    type: event.type,
    data: decodeJson(event.data) as object,
    metadata: (decodeJson(event.metadata) ?? {}) as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position,
    recordedAt: event.created.toISOString(),
  };
}

// Events written by other tools may be binary; JSON inside is accepted, anything else is refused loudly.
function decodeJson(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  return JSON.parse(Buffer.from(value).toString('utf8')) as unknown;
}
