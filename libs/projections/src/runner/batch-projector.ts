import { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import type { ProjectedEvent } from '../core/projected-event';
import { tableNames, type AnyProjection, type ProjectionTx } from '../core/projection';
import { StreamStates } from '../fold/stream-states';
import { kindOfStream, STREAM_IDS, type StreamKind } from '../fold/stream-kinds';
import { occurredAtOfStored, recordedAtOfStored } from '../core/stamp';
import { CHECKPOINT_SQL, type Generations } from '../store/generations';
import type { ReadModelStore } from '../store/read-model-store';
import { DirectSqlWriter, type SqlStatement, type SqlWriter } from '../store/sql-writer';
import { ThreadSqlWriter } from '../store/thread-sql-writer';

/** One generation a run writes: its projection, its generation and the kinds it reads. */
export type Target = Readonly<{
  projection: AnyProjection;
  generation: number;
  streams: ReadonlySet<StreamKind>;
  folds: ReadonlySet<StreamKind>;
}>;

/** A writer with the statements prepared on it: the checkpoint's, and each target's own. */
type Channel = Readonly<{
  writer: SqlWriter;
  checkpoint: SqlStatement;
  txs: WeakMap<Target, unknown>;
}>;

/** A batch ready to apply: every stored event's position, and the projected event when its kind is known. */
export type ProjectedBatch = Readonly<{
  positions: readonly Position[];
  events: readonly (ProjectedEvent | null)[];
}>;

export type Applied = Readonly<{ target: Target; events: number; position: Position | null }>;

/**
 * The work shared by the live runner and the as-of replay, so both run the same code: upcast and fold a
 * batch (async: a cold stream is folded again from the store), then, in one transaction, hand each event
 * to every target whose checkpoint is before it and move those checkpoints.
 */
export class BatchProjector {
  readonly states: StreamStates;
  private readonly direct: Channel;
  /** The worker thread's channel, started with the first bulk batch. */
  private threaded: Channel | undefined;
  private active: Channel;
  private threads: boolean;
  /** Checkpoints moved in the open transaction, which the store shows only once it is committed. */
  private readonly moved = new Map<string, Position>();
  /** Unordered runs: per target, the position up to which its rows already hold every event (a snapshot). */
  private readonly floors = new WeakMap<Target, Position>();
  /** What projections with `memory` folded, and the checkpoint it is at (dropped with a rolled-back transaction). */
  private readonly memories = new Map<Target, { at: Position | null; memory: unknown }>();

  constructor(
    store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly generations: Generations,
    projections: readonly AnyProjection[],
    private readonly owner: string,
    private readonly clock: () => Date,
    upcasters: UpcasterRegistry = new UpcasterRegistry(),
    /**
     * `thread` (a file's default): bulk batches (catching up) are written by a worker thread while the
     * next one folds, small live ones at once on the store's connection; `direct`: all on the connection.
     */
    writer: 'thread' | 'direct' = 'thread',
  ) {
    this.upcasters = upcasters;
    this.threads = writer === 'thread' && readModels.file !== ':memory:';
    this.direct = this.channel(new DirectSqlWriter(readModels.db));
    this.active = this.direct;
    this.states = new StreamStates(
      store,
      upcasters,
      projections.flatMap((p) => p.folds),
    );
  }

  private readonly upcasters: UpcasterRegistry;

  target(projection: AnyProjection, generation: number): Target {
    const target: Target = {
      projection,
      generation,
      streams: new Set(projection.streams),
      folds: new Set(projection.folds),
    };
    this.txOf(this.direct, target); // prepared now: a statement that does not compile fails here
    return target;
  }

  /** For unordered batches: this target's rows already hold every event up to `position` (skipped). */
  floor(target: Target, position: Position): void {
    this.floors.set(target, position);
  }

  async project(stored: readonly StoredEvent[]): Promise<ProjectedBatch> {
    const n = stored.length;
    const positions = new Array<Position>(n);
    const events = new Array<ProjectedEvent | null>(n);
    for (let i = 0; i < n; i++) {
      const event = stored[i] as StoredEvent;
      positions[i] = event.position;
      const kind = kindOfStream(event.streamId);
      if (kind === undefined) {
        events[i] = null;
        continue;
      }
      let projected = this.toProjected(event, kind);
      if (projected === undefined) {
        // The fold cache missed this stream (a restart, an eviction): fold it from its own events first.
        await this.states.refold(kind, event.streamId, event.revision);
        projected = this.toProjected(event, kind);
        if (projected === undefined) throw new Error(`${event.streamId}@${event.revision}: cannot be folded`);
      }
      events[i] = projected;
    }
    return { positions, events };
  }

  /**
   * Applies a batch inside the open write transaction (opened if none is). Rows and checkpoints become
   * durable together at `commit()`; several batches may share one commit while catching up. A failure
   * rolls the whole open transaction back: the checkpoints say where to resume. A `bulk` batch goes to
   * the thread writer, whose failing statement is reported by the next `commit()`, with the same effect.
   * Writers change only between commits (`switches` tells when the caller must commit first).
   */
  apply(batch: ProjectedBatch, targets: readonly Target[], bulk = false, ordered = true): Applied[] {
    if (batch.positions.length === 0 || targets.length === 0) return [];
    const channel = this.channelFor(bulk);
    if (channel !== this.active) {
      if (this.pending) throw new Error('commit before the batches change writer');
      this.active = channel;
    }
    channel.writer.begin();
    try {
      const applied = this.applyNow(batch, targets, channel, ordered);
      channel.writer.send();
      return applied;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  /** True when a batch of this kind goes to another writer than the open transaction's. */
  switches(bulk: boolean): boolean {
    return this.pending && this.channelFor(bulk) !== this.active;
  }

  /** True when applied rows wait for a commit. */
  get pending(): boolean {
    return this.readModels.open && this.active.writer.pending;
  }

  /** Makes the open transaction durable; throws (and stores nothing of it) if any of its writes failed. */
  commit(): void {
    this.moved.clear();
    try {
      if (this.pending) this.active.writer.commit();
    } catch (error) {
      this.memories.clear();
      throw error;
    }
  }

  rollback(): void {
    this.moved.clear();
    this.memories.clear();
    if (this.pending) this.active.writer.rollback();
  }

  /** Ends the writers (the thread): what was not committed is rolled back. */
  async close(): Promise<void> {
    this.moved.clear();
    try {
      await this.threaded?.writer.close();
    } finally {
      await this.direct.writer.close();
    }
  }

  private channelFor(bulk: boolean): Channel {
    const thread = this.threaded?.writer;
    if (thread instanceof ThreadSqlWriter && thread.broken !== undefined) {
      // A thread that timed out or died may still hold the write lock: never start another one; the
      // store's own connection waits for that lock instead.
      this.threads = false;
      this.threaded = undefined;
      if (this.active.writer === thread) this.active = this.direct;
      void thread.close();
    }
    if (!bulk || !this.threads) return this.direct;
    this.threaded ??= this.channel(
      new ThreadSqlWriter({
        file: this.readModels.file,
        db: this.readModels.db,
        busyTimeoutMs: this.readModels.busyTimeoutMs,
      }),
    );
    return this.threaded;
  }

  private channel(writer: SqlWriter): Channel {
    return { writer, checkpoint: writer.prepare(CHECKPOINT_SQL), txs: new WeakMap() };
  }

  private txOf(channel: Channel, target: Target): unknown {
    let sql = channel.txs.get(target);
    if (sql === undefined) {
      sql = target.projection.prepare(channel.writer, tableNames(target.projection, target.generation));
      channel.txs.set(target, sql);
    }
    return sql;
  }

  /** The memory of a target that keeps one, loaded from its committed rows unless it is at `from`. */
  private memoryOf(
    target: Target,
    from: Position | null,
  ): { at: Position | null; memory: unknown } | undefined {
    const { memory } = target.projection;
    if (memory === undefined) return undefined;
    let held = this.memories.get(target);
    if (held === undefined || held.at !== from) {
      const t = tableNames(target.projection, target.generation);
      held = { at: from, memory: memory.load(this.readModels.db, t, from) };
      this.memories.set(target, held);
    }
    return held;
  }

  /** The event as projections see it; `undefined` when its stream must be folded again first. */
  private toProjected(stored: StoredEvent, kind: StreamKind): ProjectedEvent | undefined {
    const { metadata } = stored;
    const event = this.upcasters.upcastStored(stored);
    let fold = null;
    if (this.states.folds(kind)) {
      fold = this.states.fold(kind, stored.streamId, stored.revision, event, stored.position);
      if (fold === undefined) return undefined;
    }
    return {
      type: event.type,
      data: event.data,
      id: stored.id,
      streamId: stored.streamId,
      kind,
      entityId: STREAM_IDS[kind].entityId(stored.streamId),
      revision: stored.revision,
      position: stored.position,
      recordedAt: recordedAtOfStored(stored),
      occurredAt: occurredAtOfStored(stored),
      metadata,
      fold,
    } as ProjectedEvent;
  }

  /**
   * `ordered: false` (sampling by business time, where a late entry comes before earlier positions) hands
   * every event to every target and moves the checkpoint to the furthest position seen.
   */
  private applyNow(
    batch: ProjectedBatch,
    targets: readonly Target[],
    channel: Channel,
    ordered: boolean,
  ): Applied[] {
    const now = this.clock().toISOString();
    const { positions, events } = batch;
    const n = positions.length;
    const batchLast = ordered ? (positions[n - 1] ?? null) : furthest(positions);
    return targets.map((target) => {
      const { name } = target.projection;
      const key = `${name}#${target.generation}`;
      const row = this.generations.get(name, target.generation);
      if (row === undefined) return { target, events: 0, position: null };
      const from = this.moved.get(key) ?? row.position;
      let start = 0;
      if (from !== null && ordered) while (start < n && (positions[start] as Position) <= from) start++;
      if (start === n || batchLast === null) return { target, events: 0, position: from };
      const last = from !== null && !ordered && from > batchLast ? from : batchLast;
      let handled = 0;
      let errors = 0;
      let latest: string | null = null;
      let known: string | null = null;
      const { projection } = target;
      const held = ordered ? this.memoryOf(target, from) : undefined;
      const tx: ProjectionTx<unknown> = { sql: this.txOf(channel, target), memory: held?.memory };
      const floor = ordered ? undefined : this.floors.get(target);
      try {
        for (let i = start; i < n; i++) {
          const event = events[i];
          if (event === null || event === undefined || !target.streams.has(event.kind)) continue;
          if (floor !== undefined && event.position <= floor) continue;
          projection.handle(event, tx);
          handled++;
          if (latest === null || event.occurredAt > latest) latest = event.occurredAt;
          if (known === null || event.recordedAt > known) known = event.recordedAt;
          if (event.fold?.refused === true && target.folds.has(event.kind)) errors++;
        }
        projection.flush?.(tx);
      } catch (error) {
        projection.discard?.(tx);
        throw error;
      }
      channel.checkpoint.run(
        last,
        handled,
        errors,
        this.owner,
        now,
        latest,
        latest,
        known,
        known,
        name,
        target.generation,
      );
      this.moved.set(key, last);
      if (held !== undefined) held.at = last;
      return { target, events: handled, position: last };
    });
  }
}

function furthest(positions: readonly Position[]): Position | null {
  let max: Position | null = null;
  for (const p of positions) if (max === null || p > max) max = p;
  return max;
}
