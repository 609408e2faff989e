import type { EventEnvelope, EventMetadata } from '@ltc/domain';
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
import { checkStreamId, encodeEvents } from '../core/encode-events';
import { StreamNotFoundError } from '../core/event-store.errors';
import { LocalSubscriptions } from '../core/local-subscriptions';
import { pagedEvents, settle } from '../core/paged-events';
import type { Position } from '../core/position';
import { checkExpected, checkReadOptions } from '../core/read-options';
import { sequenceOf, sequencePosition } from '../core/sequence-position';

type Row = Readonly<{
  id: string;
  type: string;
  data: string;
  metadata: string;
  streamId: string;
  revision: number;
  position: Position;
  recordedAt: string;
}>;

export type MemoryEventStoreOptions = Readonly<{ clock?: () => Date; pageSize?: number }>;

/**
 * The in-process store for unit tests. It keeps events serialised and parses them on every read, so it
 * refuses and returns exactly what the durable adapters do and no caller can mutate what another reads.
 */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly ids = new Map<string, Row>();
  private readonly subscriptions: LocalSubscriptions;
  private readonly clock: () => Date;
  private readonly pageSize: number;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = options.pageSize ?? 1000;
    this.subscriptions = new LocalSubscriptions(
      (after, limit) => this.page(after, limit, 'forwards'),
      this.pageSize,
    );
  }

  append(
    stream: string,
    events: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return settle(() => {
      checkExpected(expected);
      const encoded = encodeEvents(stream, events);
      const current = this.revisionOf(stream);
      const ids = encoded.map((event) => event.id);
      const refs = ids.map((id): StoredRef | undefined => this.ids.get(id));
      if (refs.some((ref) => ref !== undefined)) return replayResult(stream, expected, current, refs, ids);
      checkExpectation(stream, expected, current);
      const rows = this.streams.get(stream) ?? [];
      const recordedAt = this.clock().toISOString();
      for (const event of encoded) {
        const row: Row = {
          ...event,
          streamId: stream,
          revision: rows.length,
          position: sequencePosition(this.log.length + 1),
          recordedAt,
        };
        rows.push(row);
        this.log.push(row);
        this.ids.set(row.id, row);
      }
      this.streams.set(stream, rows);
      this.subscriptions.notify();
      const last = rows[rows.length - 1] as Row;
      return { nextRevision: last.revision, position: last.position };
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    return settle(() => {
      checkStreamId(stream);
      checkReadOptions(options);
      const rows = this.streams.get(stream);
      if (rows === undefined) throw new StreamNotFoundError(stream);
      const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
      if (options.direction === 'backwards') {
        const end = Math.min(options.from ?? rows.length - 1, rows.length - 1) + 1;
        return rows
          .slice(Math.max(0, end - maxCount), end)
          .reverse()
          .map(toStored);
      }
      const start = options.from ?? 0;
      return rows.slice(start, start + maxCount).map(toStored);
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
      return this.revisionOf(stream);
    });
  }

  /** Nothing deletes from this log: the head is its stream's last event. */
  streamHead(stream: string): Promise<StreamHead | null> {
    return settle(() => {
      checkStreamId(stream);
      const last = this.streams.get(stream)?.at(-1);
      return last === undefined ? null : { revision: last.revision, id: last.id };
    });
  }

  headPosition(): Promise<Position | null> {
    return Promise.resolve(this.log[this.log.length - 1]?.position ?? null);
  }

  close(): Promise<void> {
    this.subscriptions.completeAll();
    return Promise.resolve();
  }

  private revisionOf(stream: string): StreamRevision {
    const rows = this.streams.get(stream);
    return rows === undefined ? 'noStream' : rows.length - 1;
  }

  private page(after: Position | null, limit: number, direction: ReadDirection): StoredEvent[] {
    if (direction === 'forwards') {
      const start = after === null ? 0 : sequenceOf(after);
      return this.log.slice(start, start + limit).map(toStored);
    }
    const end = after === null ? this.log.length : sequenceOf(after) - 1;
    return this.log
      .slice(Math.max(0, end - limit), Math.max(0, end))
      .reverse()
      .map(toStored);
  }
}

function toStored(row: Row): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data) as object,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamId: row.streamId,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recordedAt,
  };
}
