import { ConcurrencyError } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, events, idsOf, uniqueStream } from './fixtures';

export function concurrencyContract({ store }: ContractContext): void {
  describe('concurrent appends', () => {
    it('50 callers appending at the same revision: exactly one wins, the rest get ConcurrencyError', async () => {
      const s = uniqueStream();
      await store().append(s, events(3), 'noStream');
      const attempts = Array.from({ length: 50 }, () => anEvent('Raced'));
      const outcomes = await Promise.allSettled(attempts.map((event) => store().append(s, [event], 2)));

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [attempts[i]!] : []));
      const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(49);
      for (const error of losers) {
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 2, actual: 3 });
      }
      const stored = await store().readStream(s);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(stored[3]?.id).toBe(winners[0]?.id);
    });

    it('writers that re-read and retry all land, one per revision: no gap, no duplicate', async () => {
      const s = uniqueStream();
      const writers = 10;
      const perWriter = 5;
      const written: string[] = [];
      const write = async (): Promise<void> => {
        for (let i = 0; i < perWriter; i++) {
          const event = anEvent('Retried');
          for (;;) {
            const revision = await store().streamRevision(s);
            try {
              await store().append(s, [event], revision);
              written.push(event.id);
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        }
      };
      await Promise.all(Array.from({ length: writers }, write));

      const stored = await store().readStream(s);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i));
      expect(new Set(idsOf(stored)).size).toBe(writers * perWriter);
      expect([...idsOf(stored)].sort()).toEqual([...written].sort());
    });
  });
}
