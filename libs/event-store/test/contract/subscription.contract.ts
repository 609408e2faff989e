import { comparePositions, type StoredEvent } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, events, idsOf, pause, Recorder, uniquePrefix } from './fixtures';

/** Long enough for a duplicate or a stray event to show up after the expected ones arrived. */
const QUIET_MS = 300;

function expectGlobalOrder(stored: readonly StoredEvent[]): void {
  for (let i = 1; i < stored.length; i++) {
    expect(comparePositions(stored[i - 1]!.position, stored[i]!.position)).toBeLessThan(0);
  }
}

export function subscriptionContract({ store }: ContractContext): void {
  describe('subscribing to $all', () => {
    it('from mid-log: the backlog after the position, caughtUp, then live events, each exactly once', async () => {
      const prefix = uniquePrefix();
      const [a, b] = [`${prefix}a`, `${prefix}b`];
      const [e1, e2, e3, e4, e5, e6, e7] = events(7);
      await store().append(a, [e1!], 'noStream');
      const mid = await store().append(b, [e2!], 'noStream');
      await store().append(a, [e3!], 0);
      await store().append(b, [e4!], 0);

      const recorder = new Recorder(
        store().subscribeAll({ fromPosition: mid.position, filter: { streamPrefixes: [prefix] } }),
      );
      try {
        await recorder.until((r) => r.caughtUpAt >= 0);
        expect(idsOf(recorder.events)).toEqual(idsOf([e3!, e4!]));
        expect(recorder.caughtUpAt).toBe(2);

        await store().append(a, [e5!], 1);
        await store().append(b, [e6!, e7!], 1);
        await recorder.until((r) => r.events.length >= 5);
        await pause(QUIET_MS);
        expect(idsOf(recorder.events)).toEqual(idsOf([e3!, e4!, e5!, e6!, e7!]));
        expect(recorder.messages.filter((m) => m.kind === 'caughtUp')).toHaveLength(1);
        expectGlobalOrder(recorder.events);
      } finally {
        recorder.stop();
      }
    });

    it('an append made while the backlog is being delivered arrives once, after everything before it', async () => {
      const prefix = uniquePrefix();
      const s = `${prefix}s`;
      const backlog = events(40);
      for (let i = 0; i < backlog.length; i += 10) {
        await store().append(s, backlog.slice(i, i + 10), i === 0 ? 'noStream' : i - 1);
      }
      const late = [anEvent('Late'), anEvent('Late')];
      let lateAppend: Promise<unknown> | undefined;
      const recorder = new Recorder(store().subscribeAll({ filter: { streamPrefixes: [prefix] } }), () => {
        lateAppend ??= store().append(s, late, 39);
      });
      try {
        await recorder.until((r) => r.events.length >= 42);
        await lateAppend;
        await pause(QUIET_MS);
        expect(idsOf(recorder.events)).toEqual(idsOf([...backlog, ...late]));
        expectGlobalOrder(recorder.events);
      } finally {
        recorder.stop();
      }
    });

    it('caughtUp gives a position to resume from; resuming there delivers only what came after', async () => {
      const prefix = uniquePrefix();
      const s = `${prefix}s`;
      await store().append(s, events(3), 'noStream');
      const first = new Recorder(
        store().subscribeAll({ filter: { eventTypePrefixes: ['Thing'], streamPrefixes: [prefix] } }),
      );
      await first.until((r) => r.caughtUpAt >= 0);
      first.stop();
      const checkpoint = first.messages[first.caughtUpAt];
      if (checkpoint?.kind !== 'caughtUp' || checkpoint.position === null) throw new Error('no checkpoint');
      expect(first.events).toHaveLength(3);

      const next = events(2);
      await store().append(s, next, 2);
      const resumed = new Recorder(
        store().subscribeAll({ fromPosition: checkpoint.position, filter: { streamPrefixes: [prefix] } }),
      );
      try {
        await resumed.until((r) => r.caughtUpAt >= 0 && r.events.length >= 2);
        await pause(QUIET_MS);
        expect(idsOf(resumed.events)).toEqual(idsOf(next));
      } finally {
        resumed.stop();
      }
    });

    it('filters by event type prefix', async () => {
      const prefix = uniquePrefix();
      const s = `${prefix}s`;
      const wanted = anEvent(`${prefix}Wanted`);
      await store().append(s, [anEvent(`${prefix}Other`), wanted, anEvent('Unrelated')], 'noStream');
      const recorder = new Recorder(
        store().subscribeAll({ filter: { eventTypePrefixes: [`${prefix}Want`] } }),
      );
      try {
        await recorder.until((r) => r.caughtUpAt >= 0);
        expect(idsOf(recorder.events)).toEqual([wanted.id]);
      } finally {
        recorder.stop();
      }
    });
  });
}
