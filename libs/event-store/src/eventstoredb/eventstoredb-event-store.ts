import type {
  AllStreamSubscription,
  EventStoreDBClient,
  Filter,
  ResolvedEvent,
  StreamingRead,
} from '@eventstore/db-client';
import type { EventEnvelope } from '@ltc/domain';
import { Observable, type Subscriber } from 'rxjs';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadDirection,
  ReadStreamOptions,
  StoredEvent,
  StreamHead,
  StreamRevision,
  SubscribeAllOptions,
  SubscriptionHealth,
  SubscriptionMessage,
} from '../event-store.port';
import { checkStreamId, encodeEvents } from '../core/encode-events';
import { checkFilter, matchesFilter } from '../core/event-filter';
import { StreamNotFoundError } from '../core/event-store.errors';
import type { Position } from '../core/position';
import { checkExpected, checkReadOptions } from '../core/read-options';
import { esdbClient } from './eventstoredb-client';
import { isSystemEvent, toEsdbExpectation, toPortError, toStoredEvent } from './eventstoredb-mapping';
import { fromEsdbPosition, toEsdbPosition } from './eventstoredb-position';
import { isTransient, pause, ReconnectBackoff, type ReconnectOptions } from './eventstoredb-reconnect';

export type EventStoreDbEventStoreOptions = Readonly<{
  /** `esdb://host:2113?tls=false`; the store owns and disposes the client it creates. */
  connectionString?: string;
  /** A client owned by the caller, who disposes it. */
  client?: EventStoreDBClient;
  /** Records per `$all` read request. */
  pageSize?: number;
  /** How long `close()` waits for appends in flight before disposing the client (default 5,000 ms). */
  closeTimeoutMs?: number;
  /** Backoff between reconnects of a live subscription the server ended (default 100 ms doubling to 5 s). */
  reconnect?: ReconnectOptions;
}>;

type MutableHealth = { -readonly [K in keyof SubscriptionHealth]: SubscriptionHealth[K] };

/** One record of `$all` as scanned: system records move the cursor but carry no port event. */
type Scanned = Readonly<{ position: Position; event: StoredEvent | undefined }>;

/**
 * The port on EventStoreDB (and KurrentDB) through @eventstore/db-client. Expectations, idempotent
 * re-appends and `$all` order are the server's own; this class only maps them and hides system events.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly pageSize: number;
  private readonly subscribers = new Map<Subscriber<SubscriptionMessage>, MutableHealth>();
  private readonly reconnect: ReconnectOptions;
  private readonly appendsInFlight = new Set<Promise<unknown>>();
  private readonly closeTimeoutMs: number;
  private closing = false;
  private abandonAppends: ((reason: Error) => void) | undefined;
  private readonly abandoned = new Promise<never>((_, reject) => {
    this.abandonAppends = reject;
  });

  constructor(options: EventStoreDbEventStoreOptions) {
    if (options.client !== undefined) {
      this.client = options.client;
      this.ownsClient = false;
    } else if (options.connectionString !== undefined && options.connectionString !== '') {
      this.client = esdbClient().EventStoreDBClient.connectionString(options.connectionString);
      this.ownsClient = true;
    } else {
      throw new Error('EventStoreDbEventStore needs a connectionString or a client');
    }
    this.pageSize = Math.max(2, options.pageSize ?? 1000);
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5000;
    this.reconnect = options.reconnect ?? {};
    this.abandoned.catch(() => undefined);
  }

  append(
    stream: string,
    events: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new Error('the EventStoreDB event store is closed'));
    const appending = this.appendNow(stream, events, expected);
    // Tracked so close() lets it finish: a cancelled append's outcome is unknown to the caller.
    const settled = appending.then(
      () => undefined,
      () => undefined,
    );
    this.appendsInFlight.add(settled);
    void settled.then(() => this.appendsInFlight.delete(settled));
    return Promise.race([appending, this.abandoned]);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    checkStreamId(stream);
    checkReadOptions(options);
    if (options.maxCount === 0) {
      if ((await this.streamRevision(stream)) === 'noStream') throw new StreamNotFoundError(stream);
      return [];
    }
    const backwards = options.direction === 'backwards';
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision: options.from === undefined ? (backwards ? 'end' : 'start') : BigInt(options.from),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      try {
        for await (const resolved of read) {
          const event = resolved.event;
          if (event === undefined) continue;
          const position = event.position ?? positionFromCommit(resolved.commitPosition);
          events.push(toStoredEvent(event, fromEsdbPosition(position)));
        }
      } finally {
        await cancelRead(read);
      }
    } catch (error) {
      throw toPortError(error, stream);
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    checkReadOptions(options);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    for await (const { event } of this.scan(options.fromPosition ?? null, options.direction ?? 'forwards')) {
      if (event === undefined) continue;
      yield event;
      if (--remaining <= 0) return;
    }
  }

  subscribeAll(options: SubscribeAllOptions = {}): Observable<SubscriptionMessage> {
    checkFilter(options.filter);
    return new Observable<SubscriptionMessage>((subscriber) => {
      let live: AllStreamSubscription | undefined;
      const stopping = new AbortController();
      const health: MutableHealth = {
        state: 'catchingUp',
        reconnects: 0,
        lastInterruption: null,
        position: options.fromPosition ?? null,
      };
      const stopped = (): boolean => subscriber.closed;
      const run = async (): Promise<void> => {
        // Read the backlog, then subscribe strictly after the last record read: no gap, no repeat.
        for await (const { position, event } of this.scan(health.position, 'forwards')) {
          if (stopped()) return;
          health.position = position;
          if (event !== undefined && matchesFilter(event, options.filter))
            subscriber.next({ kind: 'event', event });
        }
        if (stopped()) return;
        subscriber.next({ kind: 'caughtUp', position: health.position });
        const backoff = new ReconnectBackoff(this.reconnect);
        // The server may end a live subscription (restart, leader change) without an error: resume after
        // the last position delivered, so the runner never stalls silently and sees each event once.
        for (;;) {
          let reason = 'ended by the server';
          health.state = 'live';
          try {
            live = this.client.subscribeToAll({
              fromPosition: health.position === null ? 'start' : toEsdbPosition(health.position),
              filter: serverFilter(options.filter),
            });
            for await (const resolved of live) {
              if (stopped()) return;
              const event = resolved.event;
              if (event === undefined) continue;
              const position = fromEsdbPosition(event.position);
              if (health.position !== null && position <= health.position) continue;
              health.position = position;
              backoff.reset();
              if (isSystemEvent(event)) continue;
              const stored = toStoredEvent(event, position);
              if (matchesFilter(stored, options.filter)) subscriber.next({ kind: 'event', event: stored });
            }
          } catch (error) {
            if (stopped()) return;
            if (!isTransient(error)) throw error;
            reason = error instanceof Error ? error.message : String(error);
          }
          if (stopped()) return;
          health.state = 'reconnecting';
          health.reconnects += 1;
          health.lastInterruption = { at: new Date().toISOString(), reason };
          await pause(backoff.delay(), stopping.signal);
          if (stopped()) return;
        }
      };
      this.subscribers.set(subscriber, health);
      run().catch((error: unknown) => {
        if (!stopped()) subscriber.error(toPortError(error, '$all'));
      });
      return () => {
        this.subscribers.delete(subscriber);
        stopping.abort();
        // Cancelling the call ends it quietly; destroying the stream also releases a pending `for await`.
        void live?.unsubscribe().finally(() => live?.destroy());
      };
    });
  }

  subscriptionHealth(): readonly SubscriptionHealth[] {
    return [...this.subscribers.values()].map((health) => ({ ...health }));
  }

  async streamRevision(stream: string): Promise<StreamRevision> {
    return (await this.streamHead(stream))?.revision ?? 'noStream';
  }

  /** The server's own last event: EventStoreDB cannot delete a stream's last events and keep the rest. */
  async streamHead(stream: string): Promise<StreamHead | null> {
    checkStreamId(stream);
    try {
      const read = this.client.readStream(stream, {
        direction: 'backwards',
        fromRevision: 'end',
        maxCount: 1,
      });
      try {
        for await (const { event } of read) {
          if (event !== undefined) return { revision: Number(event.revision), id: event.id };
        }
      } finally {
        await cancelRead(read);
      }
      return null;
    } catch (error) {
      const mapped = toPortError(error, stream);
      if (mapped instanceof StreamNotFoundError) return null;
      throw mapped;
    }
  }

  async headPosition(): Promise<Position | null> {
    for await (const { event } of this.scan(null, 'backwards')) {
      if (event !== undefined) return event.position;
    }
    return null;
  }

  /** Refuses new appends, waits (bounded by `closeTimeoutMs`) for those in flight, then disposes. */
  async close(): Promise<void> {
    this.closing = true;
    for (const subscriber of [...this.subscribers.keys()]) subscriber.complete();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.closeTimeoutMs);
    });
    await Promise.race([Promise.all([...this.appendsInFlight]), timeout]);
    clearTimeout(timer);
    if (this.appendsInFlight.size > 0) {
      this.abandonAppends?.(
        new Error(
          `closed after ${this.closeTimeoutMs} ms with ${this.appendsInFlight.size} append(s) unanswered: ` +
            'their outcome is unknown (read the stream to find out)',
        ),
      );
    }
    if (this.ownsClient) await this.client.dispose();
  }

  private async appendNow(
    stream: string,
    events: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    checkExpected(expected);
    encodeEvents(stream, events);
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) => ({
          id: event.id,
          contentType: 'application/json' as const,
          type: event.type,
          data: event.data as Record<string, unknown>,
          metadata: event.metadata,
        })),
        { expectedRevision: toEsdbExpectation(expected) },
      );
      const nextRevision = Number(result.nextExpectedRevision);
      // An idempotent re-append is acknowledged without a position: look the first write up.
      const position = result.position ?? (await this.positionOf(stream, nextRevision));
      return { nextRevision, position: fromEsdbPosition(position) };
    } catch (error) {
      throw toPortError(error, stream, expected);
    }
  }

  /** Every record of `$all` strictly past `after`, page by page, system records included but emptied. */
  private async *scan(after: Position | null, direction: ReadDirection): AsyncGenerator<Scanned> {
    let cursor = after;
    const forwards = direction === 'forwards';
    for (;;) {
      const read = this.client.readAll({
        direction,
        fromPosition: cursor === null ? (forwards ? 'start' : 'end') : toEsdbPosition(cursor),
        maxCount: this.pageSize,
      });
      let seen = 0;
      let moved = false;
      try {
        for await (const resolved of read) {
          seen += 1;
          const event = resolved.event;
          if (event === undefined) continue;
          const position = fromEsdbPosition(event.position);
          // The server may include the record at the starting position: the port's positions are exclusive.
          if (cursor !== null && (forwards ? position <= cursor : position >= cursor)) continue;
          cursor = position;
          moved = true;
          yield { position, event: isSystemEvent(event) ? undefined : toStoredEvent(event, position) };
        }
      } finally {
        // A consumer that stops early leaves the server streaming this page: free its HTTP/2 stream.
        await cancelRead(read);
      }
      if (seen < this.pageSize || !moved) return;
    }
  }

  private async positionOf(stream: string, revision: number): Promise<{ commit: bigint; prepare: bigint }> {
    const read = this.client.readStream(stream, { fromRevision: BigInt(revision), maxCount: 1 });
    try {
      for await (const resolved of read) {
        return resolved.event?.position ?? positionFromCommit(resolved.commitPosition);
      }
    } finally {
      await cancelRead(read);
    }
    throw new StreamNotFoundError(stream);
  }
}

/**
 * Ends a read's gRPC call. Leaving a `for await` only destroys the client-side stream: the call stays
 * open on the server, holding one of the ~100 HTTP/2 streams Kestrel allows per connection.
 */
async function cancelRead(read: StreamingRead<ResolvedEvent>): Promise<void> {
  // Read to its end: the server already finished the call, and cancelling would cost an event-loop turn.
  if (read.readableEnded) return;
  try {
    await read.cancel();
  } catch {
    // The call never started (its channel failed): the error already surfaced through the read.
  }
}

function positionFromCommit(commit: bigint | undefined): { commit: bigint; prepare: bigint } {
  if (commit === undefined)
    throw new Error('EventStoreDB returned an event without a position (server < 22.6?)');
  return { commit, prepare: commit };
}

function serverFilter(filter: EventFilter | undefined): Filter {
  const { streamNameFilter, eventTypeFilter, excludeSystemEvents } = esdbClient();
  if (filter?.streamPrefixes !== undefined) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypePrefixes !== undefined)
    return eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] });
  return excludeSystemEvents();
}
