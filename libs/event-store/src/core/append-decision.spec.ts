import { ConcurrencyError, DuplicateEventIdError } from './event-store.errors';
import { checkExpectation, replayResult, type StoredRef } from './append-decision';
import { sequencePosition } from './sequence-position';

const ref = (streamId: string, revision: number): StoredRef => ({
  streamId,
  revision,
  position: sequencePosition(revision + 1),
});

describe('append decisions', () => {
  it('checks each expectation mode', () => {
    expect(() => checkExpectation('s', 'any', 'noStream')).not.toThrow();
    expect(() => checkExpectation('s', 'noStream', 'noStream')).not.toThrow();
    expect(() => checkExpectation('s', 'streamExists', 0)).not.toThrow();
    expect(() => checkExpectation('s', 3, 3)).not.toThrow();
    expect(() => checkExpectation('s', 'streamExists', 'noStream')).toThrow(ConcurrencyError);
    expect(() => checkExpectation('s', 0, 'noStream')).toThrow(ConcurrencyError);
  });

  it('replays a batch stored in place under the first expectation', () => {
    expect(replayResult('s', 1, 5, [ref('s', 2), ref('s', 3)], ['a', 'b'])).toEqual({
      nextRevision: 3,
      position: sequencePosition(4),
    });
    expect(replayResult('s', 'noStream', 5, [ref('s', 0)], ['a']).nextRevision).toBe(0);
  });

  it.each([
    ['a partial overlap', [ref('s', 2), undefined]],
    ['events out of order', [ref('s', 3), ref('s', 2)]],
    ['a gap', [ref('s', 2), ref('s', 4)]],
    ['a later id stored, the first not', [undefined, ref('s', 2)]],
  ])('refuses %s as a ConcurrencyError', (_, stored) => {
    expect(() => replayResult('s', 1, 5, stored, ['a', 'b'])).toThrow(ConcurrencyError);
  });

  it('refuses an id stored in another stream as a DuplicateEventIdError', () => {
    expect(() => replayResult('s', 'any', 'noStream', [ref('other', 0)], ['a'])).toThrow(
      DuplicateEventIdError,
    );
  });

  it('refuses streamExists when the first write created the stream', () => {
    expect(() => replayResult('s', 'streamExists', 0, [ref('s', 0)], ['a'])).toThrow(ConcurrencyError);
  });
});
