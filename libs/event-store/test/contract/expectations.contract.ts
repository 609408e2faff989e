import { ConcurrencyError, comparePositions, StreamNotFoundError } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, collect, events, uniqueStream } from './fixtures';
import { given } from './given';

export function expectationsContract({ store }: ContractContext): void {
  describe('expected revisions', () => {
    it('noStream creates a stream, numbering from revision 0', async () => {
      const s = uniqueStream();
      await given(store())
        .when((st) => st.append(s, events(2), 'noStream'))
        .thenReturns(async (result, st) => {
          expect(result.nextRevision).toBe(1);
          expect(await st.streamRevision(s)).toBe(1);
        });
    });

    it('noStream on an existing stream is a ConcurrencyError', async () => {
      const s = uniqueStream();
      await given(store(), { [s]: events(2) })
        .when((st) => st.append(s, [anEvent()], 'noStream'))
        .thenThrows(ConcurrencyError, { code: 'CONCURRENCY', stream: s, expected: 'noStream', actual: 1 });
    });

    it('an exact revision equal to the last one appends after it', async () => {
      const s = uniqueStream();
      await given(store(), { [s]: events(3) })
        .when((st) => st.append(s, events(2), 2))
        .thenReturns(async (result, st) => {
          expect(result.nextRevision).toBe(4);
          expect((await st.readStream(s)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        });
    });

    it.each([
      ['stale', 1],
      ['ahead', 7],
    ])('an exact revision that is %s is a ConcurrencyError and stores nothing', async (_, expected) => {
      const s = uniqueStream();
      await given(store(), { [s]: events(3) })
        .when((st) => st.append(s, [anEvent()], expected))
        .thenThrows(ConcurrencyError, { expected, actual: 2 }, async (st) => {
          expect(await st.streamRevision(s)).toBe(2);
        });
    });

    it('an exact revision on a missing stream is a ConcurrencyError with actual noStream', async () => {
      const s = uniqueStream();
      await given(store())
        .when((st) => st.append(s, [anEvent()], 0))
        .thenThrows(ConcurrencyError, { expected: 0, actual: 'noStream' });
    });

    it('streamExists appends to an existing stream', async () => {
      const s = uniqueStream();
      await given(store(), { [s]: events(1) })
        .when((st) => st.append(s, [anEvent()], 'streamExists'))
        .thenReturns((result) => expect(result.nextRevision).toBe(1));
    });

    it('streamExists on a missing stream is a ConcurrencyError and creates nothing', async () => {
      const s = uniqueStream();
      await given(store())
        .when((st) => st.append(s, [anEvent()], 'streamExists'))
        .thenThrows(ConcurrencyError, { expected: 'streamExists', actual: 'noStream' }, async (st) => {
          expect(await st.streamRevision(s)).toBe('noStream');
        });
    });

    it.each([[false], [true]])(
      'any appends whether or not the stream exists (exists: %p)',
      async (exists) => {
        const s = uniqueStream();
        await given(store(), exists ? { [s]: events(2) } : {})
          .when((st) => st.append(s, [anEvent()], 'any'))
          .thenReturns((result) => expect(result.nextRevision).toBe(exists ? 2 : 0));
      },
    );

    it('the returned position is the stored position of the batch’s last event, and positions grow', async () => {
      const s = uniqueStream();
      const first = await store().append(s, events(2), 'noStream');
      const second = await store().append(s, events(3), 1);
      const stored = await store().readStream(s);
      expect(stored[1]?.position).toBe(first.position);
      expect(stored[4]?.position).toBe(second.position);
      const positions = stored.map((e) => e.position);
      expect([...positions].sort(comparePositions)).toEqual(positions);
      expect(new Set(positions).size).toBe(5);
      expect(await store().headPosition()).toBe(second.position);
    });

    it('an unknown stream: reading it throws StreamNotFoundError, its revision is noStream', async () => {
      const s = uniqueStream();
      await expect(store().readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(store().readStream(s, { direction: 'backwards' })).rejects.toMatchObject({
        code: 'STREAM_NOT_FOUND',
        stream: s,
      });
      expect(await store().streamRevision(s)).toBe('noStream');
      const all = await collect(store().readAll({ direction: 'backwards', maxCount: 50 }));
      expect(all.some((e) => e.streamId === s)).toBe(false);
    });
  });
}
