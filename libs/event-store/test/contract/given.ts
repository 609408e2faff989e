import type { EventEnvelope } from '@ltc/domain';
import type { EventStore } from '../../src';

type Outcome<R> =
  { stage: 'given'; error: unknown } | { stage: 'when'; error: unknown } | { stage: 'ok'; value: R };

export type Then<R> = Readonly<{
  /** The act succeeded; `check` looks at its result and at the store. */
  thenReturns(check: (value: R, store: EventStore) => void | Promise<void>): Promise<void>;
  /** The act failed with `type`, carrying at least `fields`; `check` may then look at the store. */
  thenThrows(
    type: abstract new (...args: never[]) => Error,
    fields?: object,
    check?: (store: EventStore) => void | Promise<void>,
  ): Promise<void>;
}>;

/**
 * Given streams holding events (each appended with `noStream`), when the store is asked something,
 * then it answers or refuses: `given(store, { s: [a, b] }).when((s) => ...).thenThrows(ConcurrencyError)`.
 */
export function given(store: EventStore, streams: Readonly<Record<string, readonly EventEnvelope[]>> = {}) {
  return {
    when<R>(act: (store: EventStore) => Promise<R>): Then<R> {
      const outcome: Promise<Outcome<R>> = (async () => {
        try {
          for (const [stream, events] of Object.entries(streams))
            await store.append(stream, events, 'noStream');
        } catch (error) {
          return { stage: 'given', error };
        }
        try {
          return { stage: 'ok', value: await act(store) };
        } catch (error) {
          return { stage: 'when', error };
        }
      })();
      return {
        async thenReturns(check) {
          const result = await outcome;
          if (result.stage !== 'ok') throw result.error;
          await check(result.value, store);
        },
        async thenThrows(type, fields = {}, check) {
          const result = await outcome;
          if (result.stage === 'given') throw result.error;
          if (result.stage === 'ok')
            throw new Error(`expected ${type.name}, but it returned ${JSON.stringify(result.value)}`);
          expect(result.error).toBeInstanceOf(type);
          expect(result.error).toMatchObject(fields);
          await check?.(store);
        },
      };
    },
  };
}
