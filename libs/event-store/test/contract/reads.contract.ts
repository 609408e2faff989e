import type { EventEnvelope } from '@ltc/domain';
import { comparePositions, type Position, type StoredEvent } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, collect, events, idsOf, uniquePrefix, uniqueStream } from './fixtures';

export function readsContract({ store }: ContractContext): void {
  describe('reading a stream', () => {
    let s: string;
    let batch: EventEnvelope[];
    beforeAll(async () => {
      s = uniqueStream();
      batch = events(6);
      await store().append(s, batch.slice(0, 4), 'noStream');
      await store().append(s, batch.slice(4), 3);
    });

    it('forwards, whole: every event with its envelope, revision and stamps', async () => {
      const stored = await store().readStream(s);
      expect(idsOf(stored)).toEqual(idsOf(batch));
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      stored.forEach((event, i) => {
        expect(event).toMatchObject({
          type: batch[i]?.type,
          data: batch[i]?.data,
          metadata: batch[i]?.metadata,
        });
        expect(event.streamId).toBe(s);
        expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      });
    });

    it('its head: the revision and id of the last event appended; a replayed batch leaves it', async () => {
      const head = { revision: 5, id: batch[5]?.id };
      expect(await store().streamHead(s)).toEqual(head);
      await store().append(s, batch.slice(4), 3);
      expect(await store().streamHead(s)).toEqual(head);
      expect(await store().streamHead(uniqueStream())).toBeNull();
    });

    it('forwards from a revision, limited by maxCount', async () => {
      expect(idsOf(await store().readStream(s, { from: 2, maxCount: 3 }))).toEqual(idsOf(batch.slice(2, 5)));
      expect(await store().readStream(s, { from: 6 })).toEqual([]);
    });

    it('backwards from the end, and from a revision', async () => {
      const newestFirst = [...batch].reverse();
      expect(idsOf(await store().readStream(s, { direction: 'backwards' }))).toEqual(idsOf(newestFirst));
      expect(idsOf(await store().readStream(s, { direction: 'backwards', from: 3, maxCount: 2 }))).toEqual(
        idsOf([batch[3]!, batch[2]!]),
      );
    });

    it('page by page forwards gives the whole stream once', async () => {
      const pages: StoredEvent[] = [];
      for (let from = 0; ; from += 4) {
        const page = await store().readStream(s, { from, maxCount: 4 });
        pages.push(...page);
        if (page.length < 4) break;
      }
      expect(idsOf(pages)).toEqual(idsOf(batch));
    });
  });

  describe('reading $all', () => {
    let prefix: string;
    let appended: EventEnvelope[];
    let lastPositions: string[];
    let before: Position | null;
    const ours = (all: StoredEvent[]): StoredEvent[] => all.filter((e) => e.streamId.startsWith(prefix));

    beforeAll(async () => {
      prefix = uniquePrefix();
      before = await store().headPosition();
      const [a, b, c] = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
      const plan: [string, EventEnvelope[], 'noStream' | number][] = [
        [a, [anEvent('A1')], 'noStream'],
        [b, [anEvent('B1')], 'noStream'],
        [a, [anEvent('A2'), anEvent('A3')], 0],
        [c, [anEvent('C1')], 'noStream'],
        [b, [anEvent('B2')], 0],
      ];
      appended = [];
      lastPositions = [];
      for (const [stream, batch, expected] of plan) {
        const result = await store().append(stream, batch, expected);
        appended.push(...batch);
        lastPositions.push(result.position);
      }
    });

    it('holds events in commit order across streams, positions strictly increasing', async () => {
      const all = ours(await collect(store().readAll(before === null ? {} : { fromPosition: before })));
      expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2', 'A3', 'C1', 'B2']);
      expect(idsOf(all)).toEqual(idsOf(appended));
      for (let i = 1; i < all.length; i++)
        expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
      expect(all[all.length - 1]?.position).toBe(lastPositions[lastPositions.length - 1]);
    });

    it('fromPosition is exclusive, forwards and backwards', async () => {
      const all = ours(await collect(store().readAll(before === null ? {} : { fromPosition: before })));
      const pivot = all[2]!;
      const after = await collect(store().readAll({ fromPosition: pivot.position, maxCount: 2 }));
      expect(after.map((e) => e.type)).toEqual(['A3', 'C1']);
      const beforePivot = await collect(
        store().readAll({ fromPosition: pivot.position, direction: 'backwards', maxCount: 2 }),
      );
      expect(beforePivot.map((e) => e.type)).toEqual(['B1', 'A1']);
    });

    it('backwards from the end, newest first', async () => {
      const newest = await collect(store().readAll({ direction: 'backwards', maxCount: 6 }));
      expect(newest.map((e) => e.type)).toEqual(['B2', 'C1', 'A3', 'A2', 'B1', 'A1']);
    });

    it('paged with maxCount and the last position, the pages join up exactly', async () => {
      const paged: StoredEvent[] = [];
      let cursor = before ?? undefined;
      for (;;) {
        const page = await collect(
          store().readAll({ ...(cursor === undefined ? {} : { fromPosition: cursor }), maxCount: 2 }),
        );
        paged.push(...page);
        const last = page[page.length - 1];
        if (last === undefined || page.length < 2) break;
        cursor = last.position;
      }
      expect(ours(paged).map((e) => e.type)).toEqual(['A1', 'B1', 'A2', 'A3', 'C1', 'B2']);
    });
  });
}
