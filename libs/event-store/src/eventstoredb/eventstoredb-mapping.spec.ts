import type { RecordedEvent } from '@eventstore/db-client';
import { ConcurrencyError, InvalidEventError, StreamNotFoundError } from '../core/event-store.errors';
import { comparePositions } from '../core/position';
import { esdbClient } from './eventstoredb-client';
import { isSystemEvent, toEsdbExpectation, toPortError, toStoredEvent } from './eventstoredb-mapping';
import { fromEsdbPosition, toEsdbPosition } from './eventstoredb-position';

// The adapter loads the client natively on first use; the spec builds errors from that same instance.
const { ANY, MaxAppendSizeExceededError, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } = esdbClient();
const EsdbStreamNotFoundError = esdbClient().StreamNotFoundError;

describe('EventStoreDB mapping', () => {
  it('maps every expectation to the client’s', () => {
    expect(toEsdbExpectation('any')).toBe(ANY);
    expect(toEsdbExpectation('noStream')).toBe(NO_STREAM);
    expect(toEsdbExpectation('streamExists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectation(41)).toBe(41n);
  });

  it.each([
    [3n, 3],
    ['no_stream' as const, 'noStream'],
    [-1n, 'noStream'],
  ])('maps WrongExpectedVersionError with current %p to ConcurrencyError actual %p', (current, actual) => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', current, expected: 2n });
    const mapped = toPortError(error, 's', 2);
    expect(mapped).toBeInstanceOf(ConcurrencyError);
    expect(mapped).toMatchObject({ stream: 's', expected: 2, actual });
  });

  it('maps stream-not-found and oversize appends, and passes anything else through', () => {
    expect(toPortError(new EsdbStreamNotFoundError(undefined, 's'), 's')).toBeInstanceOf(StreamNotFoundError);
    expect(toPortError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), 's')).toBeInstanceOf(
      InvalidEventError,
    );
    const network = new Error('UNAVAILABLE');
    expect(toPortError(network, 's')).toBe(network);
  });

  it('keeps commit and prepare in a position that sorts commit first', () => {
    const a = fromEsdbPosition({ commit: 10n, prepare: 9n });
    const b = fromEsdbPosition({ commit: 10n, prepare: 10n });
    const c = fromEsdbPosition({ commit: 200n, prepare: 1n });
    expect(toEsdbPosition(a)).toEqual({ commit: 10n, prepare: 9n });
    expect([c, b, a].sort(comparePositions)).toEqual([a, b, c]);
    expect(JSON.parse(JSON.stringify({ a }))).toEqual({ a });
  });

  it('hides system events and decodes binary JSON events', () => {
    const recorded = {
      streamId: 'lead-1',
      id: '00000000-0000-4000-8000-000000000009',
      isJson: false,
      revision: 4n,
      type: 'LeadQualified',
      created: new Date('2026-01-01T00:00:00.000Z'),
      data: Buffer.from(JSON.stringify({ score: 7 })),
      metadata: { actor: 'a' },
    } as unknown as RecordedEvent;
    expect(isSystemEvent(recorded)).toBe(false);
    expect(isSystemEvent({ ...recorded, streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ ...recorded, type: '$>' })).toBe(true);
    const position = fromEsdbPosition({ commit: 5n, prepare: 5n });
    expect(toStoredEvent(recorded, position)).toEqual({
      id: recorded.id,
      type: 'LeadQualified',
      data: { score: 7 },
      metadata: { actor: 'a' },
      streamId: 'lead-1',
      revision: 4,
      position,
      recordedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
