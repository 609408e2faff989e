import type { ReadAllOptions, ReadDirection, StoredEvent } from '../event-store.port';
import type { Position } from './position';

/** Reads up to `limit` events strictly past `after` in `direction` (from the matching end when null). */
export type DirectionalPageReader = (
  after: Position | null,
  limit: number,
  direction: ReadDirection,
) => readonly StoredEvent[];

const DONE: IteratorResult<StoredEvent> = { done: true, value: undefined };

/**
 * `readAll` for synchronous stores: one page in memory at a time, and a hand-written iterator because an
 * async generator costs several promise hops per event on a million-event read.
 */
export function pagedEvents(
  read: DirectionalPageReader,
  options: ReadAllOptions = {},
  pageSize = 1000,
): AsyncIterable<StoredEvent> {
  const direction = options.direction ?? 'forwards';
  return {
    [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
      let cursor = options.fromPosition ?? null;
      let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
      let page: readonly StoredEvent[] = [];
      let index = 0;
      let exhausted = false;
      return {
        next(): Promise<IteratorResult<StoredEvent>> {
          if (index === page.length) {
            if (exhausted || remaining <= 0) return Promise.resolve(DONE);
            const limit = Math.min(pageSize, remaining);
            try {
              page = read(cursor, limit, direction);
            } catch (error) {
              return Promise.reject(error instanceof Error ? error : new Error(String(error)));
            }
            index = 0;
            exhausted = page.length < limit;
            const last = page[page.length - 1];
            if (last === undefined) return Promise.resolve(DONE);
            cursor = last.position;
          }
          const value = page[index++] as StoredEvent;
          remaining--;
          return Promise.resolve({ done: false, value });
        },
        return(): Promise<IteratorResult<StoredEvent>> {
          exhausted = true;
          page = [];
          index = 0;
          return Promise.resolve(DONE);
        },
      };
    },
  };
}

/** Runs synchronous store work as a promise, so a throw becomes a rejection like in async adapters. */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
