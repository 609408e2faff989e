import type { EventEnvelope } from '@ltc/domain';
import { InvalidEventError } from './event-store.errors';
import { jsonProblem } from './json-check';

/** An envelope checked and serialised once, before any lock is taken. */
export type EncodedEvent = Readonly<{ id: string; type: string; data: string; metadata: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Validates a stream id the way every adapter must: `$` streams belong to EventStoreDB itself. */
export function checkStreamId(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new InvalidEventError('stream', 'must be a non-empty string');
  }
  if (stream.startsWith('$'))
    throw new InvalidEventError('stream', `"${stream}" is reserved (starts with $)`);
}

/** Checks a batch and returns it serialised; throws `InvalidEventError` naming the first bad field. */
export function encodeEvents(stream: string, events: readonly EventEnvelope[]): EncodedEvent[] {
  checkStreamId(stream);
  const batch: unknown = events;
  if (!Array.isArray(batch) || events.length === 0) {
    throw new InvalidEventError('events', 'must be a non-empty array');
  }
  const ids = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    // Ids travel to EventStoreDB as UUIDs and come back lowercase; anything else would not round-trip.
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidEventError(`${at}.id`, 'must be a lowercase UUID');
    }
    if (ids.has(event.id)) throw new InvalidEventError(`${at}.id`, `${event.id} appears twice in the batch`);
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidEventError(`${at}.type`, 'must be a non-empty string not starting with $');
    }
    return {
      id: event.id,
      type: event.type,
      data: encodeObject(event.data, `${at}.data`),
      metadata: encodeObject(event.metadata, `${at}.metadata`),
    };
  });
}

function encodeObject(value: unknown, path: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidEventError(path, 'must be a plain JSON object');
  }
  const problem = jsonProblem(value, path);
  if (problem !== undefined) throw new InvalidEventError(problem.path, problem.reason);
  return JSON.stringify(value);
}
