import { ConcurrencyError } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, events, idsOf, uniqueStream } from './fixtures';
import { given } from './given';

export function idempotencyContract({ store }: ContractContext): void {
  describe('idempotent re-append (same ids, same expectation)', () => {
    it('with noStream: returns the first result and stores nothing', async () => {
      const s = uniqueStream();
      const batch = events(2);
      const first = await store().append(s, batch, 'noStream');
      await given(store())
        .when((st) => st.append(s, batch, 'noStream'))
        .thenReturns(async (again, st) => {
          expect(again).toEqual(first);
          expect(idsOf(await st.readStream(s))).toEqual(idsOf(batch));
        });
    });

    it('with an exact revision, even after the stream moved on', async () => {
      const s = uniqueStream();
      const [x, a, b, c] = [anEvent(), anEvent(), anEvent(), anEvent()];
      await store().append(s, [x], 'noStream');
      const first = await store().append(s, [a, b], 0);
      await store().append(s, [c], 2);
      await given(store())
        .when((st) => st.append(s, [a, b], 0))
        .thenReturns(async (again, st) => {
          expect(again).toEqual(first);
          expect(idsOf(await st.readStream(s))).toEqual(idsOf([x, a, b, c]));
        });
    });

    it.each([['any' as const], ['streamExists' as const]])('with %s', async (expected) => {
      const s = uniqueStream();
      const x = anEvent();
      const a = anEvent();
      await store().append(s, [x], 'noStream');
      const first = await store().append(s, [a], expected);
      await given(store())
        .when((st) => st.append(s, [a], expected))
        .thenReturns(async (again, st) => {
          expect(again).toEqual(first);
          expect(idsOf(await st.readStream(s))).toEqual(idsOf([x, a]));
        });
    });

    it('with a different expectation that would have placed the batch elsewhere: ConcurrencyError', async () => {
      const s = uniqueStream();
      const [a, b, c] = events(3);
      await given(store(), { [s]: [a!, b!, c!] })
        .when((st) => st.append(s, [a!], 1))
        .thenThrows(ConcurrencyError, { expected: 1 }, async (st) => {
          expect(await st.streamRevision(s)).toBe(2);
        });
    });
  });
}
