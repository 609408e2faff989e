import { Observable, type Subscriber } from 'rxjs';
import type { StoredEvent, SubscribeAllOptions, SubscriptionMessage } from '../event-store.port';
import { checkFilter, matchesFilter } from './event-filter';
import type { Position } from './position';

/** Reads up to `limit` events strictly after `after` (from the start when null), in global order. */
export type PageReader = (after: Position | null, limit: number) => readonly StoredEvent[];

/**
 * Catch-up-then-live subscriptions for stores living in this process. Each subscriber keeps a cursor and
 * pulls pages after it; a commit only wakes it up. Pulling from the cursor is what makes delivery exactly
 * once: an event committed while the backlog is read is simply on a later page, never pushed twice.
 */
export class LocalSubscriptions {
  private readonly wakers = new Set<() => void>();
  private readonly subscribers = new Set<Subscriber<SubscriptionMessage>>();
  /** The last page read, shared by subscribers at the same cursor until the next commit changes it. */
  private lastPage: { after: Position | null; limit: number; events: readonly StoredEvent[] } | undefined;

  constructor(
    private readonly readPage: PageReader,
    private readonly pageSize = 500,
  ) {}

  get active(): boolean {
    return this.subscribers.size > 0;
  }

  /** Call after every commit, and whenever another process may have committed. */
  notify(): void {
    this.lastPage = undefined;
    for (const wake of this.wakers) wake();
  }

  /** Live subscribers usually sit at the same cursor: one read (and one JSON parse) serves them all. */
  private read(after: Position | null, limit: number): readonly StoredEvent[] {
    const last = this.lastPage;
    if (last !== undefined && last.after === after && last.limit === limit) return last.events;
    const events = this.readPage(after, limit);
    this.lastPage = { after, limit, events };
    return events;
  }

  subscribe(options: SubscribeAllOptions = {}): Observable<SubscriptionMessage> {
    checkFilter(options.filter);
    return new Observable<SubscriptionMessage>((subscriber) => {
      let cursor = options.fromPosition ?? null;
      let caughtUp = false;
      let pending: NodeJS.Immediate | undefined;
      // One page per turn of the event loop, so a long backlog never starves appends or HTTP.
      const drainPage = (): void => {
        pending = undefined;
        let page: readonly StoredEvent[];
        try {
          page = this.read(cursor, this.pageSize);
        } catch (error) {
          subscriber.error(error);
          return;
        }
        for (const event of page) {
          if (subscriber.closed) return;
          cursor = event.position;
          if (matchesFilter(event, options.filter)) subscriber.next({ kind: 'event', event });
        }
        if (page.length === this.pageSize) return schedule();
        if (!caughtUp && !subscriber.closed) {
          caughtUp = true;
          subscriber.next({ kind: 'caughtUp', position: cursor });
        }
      };
      const schedule = (): void => {
        if (pending === undefined && !subscriber.closed) pending = setImmediate(drainPage);
      };
      this.wakers.add(schedule);
      this.subscribers.add(subscriber);
      schedule();
      return () => {
        this.wakers.delete(schedule);
        this.subscribers.delete(subscriber);
        if (pending !== undefined) clearImmediate(pending);
      };
    });
  }

  completeAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.complete();
  }
}
