import type { EventEnvelope } from '@ltc/domain';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Observable } from 'rxjs';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadDirection,
  ReadStreamOptions,
  StoredEvent,
  StreamHead,
  StreamRevision,
  SubscribeAllOptions,
  SubscriptionMessage,
} from '../event-store.port';
import { checkExpectation, replayResult, type StoredRef } from '../core/append-decision';
import { checkStreamId, encodeEvents, type EncodedEvent } from '../core/encode-events';
import { ConcurrencyError, StreamHeadMismatchError, StreamNotFoundError } from '../core/event-store.errors';
import { LocalSubscriptions } from '../core/local-subscriptions';
import { pagedEvents, settle } from '../core/paged-events';
import type { Position } from '../core/position';
import { checkExpected, checkReadOptions } from '../core/read-options';
import { sequenceOf, sequencePosition } from '../core/sequence-position';
import { migrate } from './sqlite-migrations';
import { toStoredEvent } from './sqlite-row';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';

export type SqliteEventStoreOptions = Readonly<{
  /** Path of the database file (created with its folder's permission); `:memory:` for throwaway stores. */
  file: string;
  /**
   * FULL (default) fsyncs the WAL at every commit: an acknowledged append survives a process kill and a
   * power cut. NORMAL survives a process kill too (the WAL write reached the OS before commit returned)
   * but may lose the last commits on an OS crash or power cut; it is several times faster.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** How often live subscriptions look for commits made by other processes on the same file. */
  pollIntervalMs?: number;
  /** Events per page for reads and subscriptions. */
  pageSize?: number;
  clock?: () => Date;
}>;

/**
 * The embedded default store: one SQLite file in WAL mode. Appends run in `BEGIN IMMEDIATE`, so the
 * expectation check and the insert hold the write lock together, across processes too.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database;
  private readonly sql: SqliteStatements;
  private readonly subscriptions: LocalSubscriptions;
  private readonly clock: () => Date;
  private readonly pageSize: number;
  private readonly poller: NodeJS.Timeout;
  private readonly commitGroup: (group: readonly PendingAppend[]) => void;
  private pending: PendingAppend[] = [];
  private lastDataVersion: number;

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = options.pageSize ?? 1000;
    this.db = new BetterSqlite3(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    migrate(this.db, this.clock().toISOString());
    this.sql = prepareStatements(this.db);
    // Each append runs in its own SAVEPOINT (a nested better-sqlite3 transaction) inside one group
    // transaction: one that fails rolls back alone, and the group pays for a single fsync.
    const appendOne = this.db.transaction(this.appendInTransaction.bind(this));
    const group = this.db.transaction((appends: readonly PendingAppend[]) => {
      for (const item of appends) {
        try {
          item.result = appendOne(item.stream, item.events, item.expected);
        } catch (error) {
          item.error = this.explainInsertFailure(error, item.stream, item.events, item.expected);
        }
      }
    });
    this.commitGroup = (appends) => group.immediate(appends);
    this.subscriptions = new LocalSubscriptions(
      (after, limit) => this.page(after, limit, 'forwards'),
      this.pageSize,
    );
    this.lastDataVersion = this.sql.dataVersion.get() ?? 0;
    this.poller = setInterval(() => this.pollOtherWriters(), options.pollIntervalMs ?? 250);
    this.poller.unref();
  }

  /**
   * Appends arriving in the same turn of the event loop are committed together (group commit): each is
   * checked and written in its own savepoint, in arrival order, and none is acknowledged before the
   * group's COMMIT has reached the disk. A lone append is a transaction of its own, as before.
   */
  append(
    stream: string,
    events: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      checkExpected(expected);
      const encoded = encodeEvents(stream, events);
      this.pending.push({ stream, events: encoded, expected, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const appends = this.pending;
    this.pending = [];
    if (appends.length === 0) return;
    try {
      if (!this.db.open) throw new Error('the event store is closed');
      this.commitGroup(appends);
    } catch (error) {
      // The group's own BEGIN or COMMIT failed (a busy file, a full disk): nothing of it was stored.
      for (const item of appends) item.reject(error);
      return;
    }
    for (const item of appends) {
      if (item.error !== undefined) item.reject(item.error);
      else if (item.result !== undefined) item.resolve(item.result);
    }
    this.subscriptions.notify();
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    return settle(() => {
      checkStreamId(stream);
      checkReadOptions(options);
      const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
      const rows =
        options.direction === 'backwards'
          ? this.sql.streamBackwards.all(stream, options.from ?? Number.MAX_SAFE_INTEGER, maxCount)
          : this.sql.streamForwards.all(stream, options.from ?? 0, maxCount);
      if (rows.length === 0 && this.sql.streamRevision.get(stream) === undefined) {
        throw new StreamNotFoundError(stream);
      }
      return rows.map(toStoredEvent);
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    checkReadOptions(options);
    return pagedEvents(
      (after, limit, direction) => this.page(after, limit, direction),
      options,
      this.pageSize,
    );
  }

  subscribeAll(options: SubscribeAllOptions = {}): Observable<SubscriptionMessage> {
    return this.subscriptions.subscribe(options);
  }

  streamRevision(stream: string): Promise<StreamRevision> {
    return settle(() => {
      checkStreamId(stream);
      return this.sql.streamRevision.get(stream) ?? 'noStream';
    });
  }

  streamHead(stream: string): Promise<StreamHead | null> {
    return settle(() => {
      checkStreamId(stream);
      return this.headOf(stream);
    });
  }

  headPosition(): Promise<Position | null> {
    return settle(() => {
      const head = this.sql.head.get();
      return head === null || head === undefined ? null : sequencePosition(head);
    });
  }

  close(): Promise<void> {
    // Appends already accepted are committed (or refused) before the file closes.
    this.flush();
    clearInterval(this.poller);
    this.subscriptions.completeAll();
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  private appendInTransaction(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const current: StreamRevision = this.sql.streamRevision.get(stream) ?? 'noStream';
    // Only the first id is looked up on the hot path, as EventStoreDB does; a later stored id trips UNIQUE.
    if (this.sql.findById.get((events[0] as EncodedEvent).id) !== undefined) {
      return replayResult(stream, expected, current, this.refsOf(events), ids(events));
    }
    const head = this.headOf(stream);
    if ((head?.revision ?? 'noStream') !== current) throw new StreamHeadMismatchError(stream, current, head);
    checkExpectation(stream, expected, current);
    const recordedAt = this.clock().toISOString();
    let revision = current === 'noStream' ? -1 : current;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const inserted = this.sql.insert.run(
        event.id,
        stream,
        revision,
        event.type,
        event.data,
        event.metadata,
        recordedAt,
      );
      position = Number(inserted.lastInsertRowid);
    }
    this.sql.setStreamHead.run(stream, revision, (events[events.length - 1] as EncodedEvent).id);
    return { nextRevision: revision, position: sequencePosition(position) };
  }

  private headOf(stream: string): StreamHead | null {
    const row = this.sql.streamHead.get(stream);
    return row === undefined ? null : { revision: row[0], id: row[1] };
  }

  /** Turns a UNIQUE violation into the port's errors; anything else is an infrastructure failure. */
  private explainInsertFailure(
    error: unknown,
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): unknown {
    // Duck-typed: the native addon keeps the SqliteError class (and realm) it first saw, so instanceof lies.
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    const current = this.sql.streamRevision.get(stream) ?? 'noStream';
    if (!String(message).includes('event_id')) return new ConcurrencyError(stream, expected, current);
    try {
      replayResult(stream, expected, current, this.refsOf(events), ids(events));
    } catch (explained) {
      return explained;
    }
    return error;
  }

  private refsOf(events: EncodedEvent[]): (StoredRef | undefined)[] {
    return events.map((event) => {
      const row = this.sql.findById.get(event.id);
      return row === undefined
        ? undefined
        : { streamId: row[0], revision: row[1], position: sequencePosition(row[2]) };
    });
  }

  private page(after: Position | null, limit: number, direction: ReadDirection): StoredEvent[] {
    const rows =
      direction === 'forwards'
        ? this.sql.allForwards.all(after === null ? 0 : sequenceOf(after), limit)
        : this.sql.allBackwards.all(after === null ? Number.MAX_SAFE_INTEGER : sequenceOf(after), limit);
    return rows.map(toStoredEvent);
  }

  private pollOtherWriters(): void {
    if (!this.subscriptions.active || !this.db.open) return;
    const version = this.sql.dataVersion.get() ?? 0;
    if (version === this.lastDataVersion) return;
    this.lastDataVersion = version;
    this.subscriptions.notify();
  }
}

/** One append waiting for the next group commit. */
type PendingAppend = {
  stream: string;
  events: EncodedEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
  result?: AppendResult;
  error?: unknown;
};

function ids(events: EncodedEvent[]): string[] {
  return events.map((event) => event.id);
}
