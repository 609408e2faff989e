import type { Event, EventEnvelope, EventMetadata } from '@ltc/domain';
import type { Observable } from 'rxjs';
import type { Position } from './core/position';

/** DI token under which an app provides its configured {@link EventStore}. */
export const EVENT_STORE = Symbol.for('ltc.EventStore');

/** The adapters this library ships. */
export type EventStoreKind = 'memory' | 'sqlite' | 'eventstoredb';

/**
 * What the caller believes about the stream before appending: the exact revision of its last event,
 * that it does not exist yet, that it exists, or nothing at all.
 */
export type ExpectedRevision = number | 'noStream' | 'streamExists' | 'any';

/** The revision of a stream's last event (revisions start at 0), or `noStream`; usable as an expectation. */
export type StreamRevision = number | 'noStream';

/** A stream's head anchor: the revision and id of the last event appended to it. */
export type StreamHead = Readonly<{ revision: number; id: string }>;

/** The outcome of an append: the revision and global position of the last event of the batch. */
export type AppendResult = Readonly<{ nextRevision: number; position: Position }>;

/** An event as stored: the envelope plus where and when the store put it. */
export type StoredEvent<E extends Event = Event> = Readonly<{
  id: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
  streamId: string;
  revision: number;
  position: Position;
  /** ISO-8601 stamp taken by the adapter at commit (infrastructure time, not domain time). */
  recordedAt: string;
}>;

export type ReadDirection = 'forwards' | 'backwards';

export type ReadStreamOptions = Readonly<{
  /** Inclusive start revision; defaults to the first event (forwards) or the last (backwards). */
  from?: number;
  maxCount?: number;
  direction?: ReadDirection;
}>;

export type ReadAllOptions = Readonly<{
  /** Exclusive checkpoint: events strictly after it (forwards) or strictly before it (backwards). */
  fromPosition?: Position;
  maxCount?: number;
  direction?: ReadDirection;
}>;

/** Server-side where the adapter can, otherwise client-side; both lists are prefix matches. */
export type EventFilter = Readonly<{
  streamPrefixes?: readonly string[];
  eventTypePrefixes?: readonly string[];
}>;

export type SubscribeAllOptions = Readonly<{
  /** Exclusive checkpoint to resume after; omitted means from the start of the log. */
  fromPosition?: Position;
  filter?: EventFilter;
}>;

/**
 * What a subscription emits: events in global order, and once, after the backlog, `caughtUp` with the
 * position to resume after (it may be past the last delivered event when a filter skipped some).
 */
export type SubscriptionMessage =
  Readonly<{ kind: 'event'; event: StoredEvent }> | Readonly<{ kind: 'caughtUp'; position: Position | null }>;

/** How one open `subscribeAll` is doing, for /health: an adapter that reconnects says so here. */
export type SubscriptionHealth = Readonly<{
  state: 'catchingUp' | 'live' | 'reconnecting';
  /** Times the live subscription was resumed after the server ended it or a transient error. */
  reconnects: number;
  /** The last end or error that caused a reconnect, and when. */
  lastInterruption: Readonly<{ at: string; reason: string }> | null;
  /** The last position delivered (or scanned past): where a reconnect resumes. */
  position: Position | null;
}>;

/**
 * The event store port. Every adapter behaves the same under `test/contract`; errors are
 * `ConcurrencyError`, `StreamNotFoundError`, `InvalidEventError` and `DuplicateEventIdError`.
 */
export interface EventStore {
  readonly kind: EventStoreKind;

  /**
   * Appends a batch atomically. Event ids must be lowercase UUIDs. Re-appending a batch that is already
   * stored, with the expectation used the first time, returns the first result and stores nothing.
   */
  append(stream: string, events: readonly EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult>;

  /** Reads one stream; throws `StreamNotFoundError` if it has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<readonly StoredEvent[]>;

  /** Reads the global log in commit order, page by page: memory stays flat however long the log is. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;

  /** The backlog after `fromPosition`, then `caughtUp`, then live events; each event exactly once. */
  subscribeAll(options?: SubscribeAllOptions): Observable<SubscriptionMessage>;

  streamRevision(stream: string): Promise<StreamRevision>;

  /**
   * The stream's head anchor, kept apart from its events, so that verifying the stream can tell that its
   * last events were deleted (nothing in a hash chain links to them); null for a stream never appended to.
   */
  streamHead(stream: string): Promise<StreamHead | null>;

  /** Position of the last event in the global log, `null` when it is empty. */
  headPosition(): Promise<Position | null>;

  /** The open subscriptions' health, for adapters whose subscriptions can be interrupted (EventStoreDB). */
  subscriptionHealth?(): readonly SubscriptionHealth[];

  /** Completes open subscriptions and releases the connection or file. */
  close(): Promise<void>;
}
