import type { EventEnvelope } from '@ltc/domain';
import { InvalidEventError } from '../../src';
import type { ContractContext } from './event-store.contract';
import { anEvent, collect, events, METADATA, uniquePrefix, uniqueStream } from './fixtures';
import { given } from './given';

const circular: Record<string, unknown> = { name: 'loop' };
circular['self'] = circular;

/** Data that JSON would reject or silently change, with the field the error must name. */
const BAD_DATA: [string, unknown, string][] = [
  ['a BigInt', { amount: 10n }, 'events[0].data.amount'],
  ['a circular reference', circular, 'events[0].data.self'],
  ['a function', { run: () => 1 }, 'events[0].data.run'],
  ['a symbol', { tag: Symbol('x') }, 'events[0].data.tag'],
  ['undefined data', undefined, 'events[0].data'],
  ['undefined in an array', { list: [1, undefined] }, 'events[0].data.list[1]'],
  ['NaN', { ratio: Number.NaN }, 'events[0].data.ratio'],
  ['Infinity', { ratio: Number.POSITIVE_INFINITY }, 'events[0].data.ratio'],
  ['a Date', { at: new Date(0) }, 'events[0].data.at'],
  ['a Map', { index: new Map() }, 'events[0].data.index'],
  ['an array at the top', [1, 2], 'events[0].data'],
  ['a string at the top', 'hello', 'events[0].data'],
];

export function payloadsContract({ store }: ContractContext): void {
  describe('payloads', () => {
    it('unicode in stream ids, types and data round-trips exactly', async () => {
      const s = `${uniquePrefix()}客户-Ünïcødé-🚀`;
      const data = {
        text: '中文 العربية עברית Ελληνικά 👩‍👩‍👧 e\u0301 \u0000 \u2028 "quotes" \\ back',
        lone: '\ud800 unpaired',
        emoji: { '🔑': ['🅰️', 'ß'] },
      };
      const event = { ...anEvent('ÜnïcødéHappened😀', data), metadata: { ...METADATA, actor: 'zoë-张' } };
      await given(store())
        .when((st) => st.append(s, [event], 'noStream'))
        .thenReturns(async (_, st) => {
          const [stored] = await st.readStream(s);
          expect(stored).toMatchObject({
            id: event.id,
            type: event.type,
            streamId: s,
            data,
            metadata: event.metadata,
          });
        });
    });

    it('a 1 MB event is stored and read back whole, in its stream and in $all', async () => {
      const s = uniqueStream();
      const big = anEvent('Big', { blob: 'x'.repeat(1_000_000), tail: 'end✓' });
      const result = await store().append(s, [big], 'noStream');
      const [stored] = await store().readStream(s);
      expect(stored?.data).toEqual(big.data);
      const [fromAll] = await collect(store().readAll({ direction: 'backwards', maxCount: 1 }));
      expect(fromAll?.position).toBe(result.position);
      expect(fromAll?.data).toEqual(big.data);
    });

    it.each(BAD_DATA)(
      'data with %s is refused with InvalidEventError and nothing is stored',
      async (_, data, field) => {
        const s = uniqueStream();
        const bad = { ...anEvent(), data } as unknown as EventEnvelope;
        await given(store())
          .when((st) => st.append(s, [bad], 'any'))
          .thenThrows(InvalidEventError, { code: 'INVALID_EVENT', field }, async (st) => {
            expect(await st.streamRevision(s)).toBe('noStream');
          });
      },
    );

    it('a bad event anywhere in a batch refuses the whole batch', async () => {
      const s = uniqueStream();
      const bad = { ...anEvent(), metadata: { ...METADATA, trace: 1n } } as unknown as EventEnvelope;
      await given(store(), { [s]: events(1) })
        .when((st) => st.append(s, [anEvent(), bad], 0))
        .thenThrows(InvalidEventError, { field: 'events[1].metadata.trace' }, async (st) => {
          expect(await st.streamRevision(s)).toBe(0);
        });
    });

    it.each([
      ['an empty batch', () => [], 'events'],
      ['a non-UUID id', () => [{ ...anEvent(), id: 'evt-1' }], 'events[0].id'],
      ['an uppercase UUID', () => [{ ...anEvent(), id: anEvent().id.toUpperCase() }], 'events[0].id'],
      ['an empty type', () => [{ ...anEvent(), type: '' }], 'events[0].type'],
      [
        'the same id twice',
        () => {
          const e = anEvent();
          return [e, { ...e }];
        },
        'events[1].id',
      ],
    ])('%s is refused with InvalidEventError', async (_, batch, field) => {
      const s = uniqueStream();
      await given(store())
        .when((st) => st.append(s, batch(), 'any'))
        .thenThrows(InvalidEventError, { field }, async (st) => {
          expect(await st.streamRevision(s)).toBe('noStream');
        });
    });

    it('system-looking stream ids ($…) are refused', async () => {
      await expect(store().append('$secret', [anEvent()], 'any')).rejects.toBeInstanceOf(InvalidEventError);
    });
  });
}
