import { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import type { ProjectedEvent } from '../core/projected-event';
import { tableNames, type AnyProjection, type ProjectionTx } from '../core/projection';
import { StreamStates } from '../fold/stream-states';
import { kindOfStream, type StreamKind } from '../fold/stream-kinds';
import { isoStamp } from '../core/stamp';
import { upcastStored } from '../fold/upcast';
import type { Generations } from '../store/generations';
import type { ReadModelStore } from '../store/read-model-store';

/** One generation a run writes: its projection, its tables' statements and the kinds it reads. */
export type Target = Readonly<{
  projection: AnyProjection;
  generation: number;
  tx: ProjectionTx<unknown>;
  streams: ReadonlySet<StreamKind>;
  folds: ReadonlySet<StreamKind>;
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

  constructor(
    store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly generations: Generations,
    projections: readonly AnyProjection[],
    private readonly owner: string,
    private readonly clock: () => Date,
    upcasters: UpcasterRegistry = new UpcasterRegistry(),
  ) {
    this.upcasters = upcasters;
    this.states = new StreamStates(
      store,
      upcasters,
      projections.flatMap((p) => p.folds),
    );
  }

  private readonly upcasters: UpcasterRegistry;

  target(projection: AnyProjection, generation: number): Target {
    const sql = projection.prepare(this.readModels.db, tableNames(projection, generation));
    return {
      projection,
      generation,
      tx: { db: this.readModels.db, sql },
      streams: new Set(projection.streams),
      folds: new Set(projection.folds),
    };
  }

  async project(stored: readonly StoredEvent[]): Promise<ProjectedBatch> {
    const kinds = stored.map((event) => kindOfStream(event.streamId));
    await this.states.prepare(stored, kinds);
    const events = stored.map((event, i) => {
      const kind = kinds[i];
      return kind === undefined ? null : this.toProjected(event, kind);
    });
    return { positions: stored.map((event) => event.position), events };
  }

  /**
   * Applies a batch inside the open write transaction (`BEGIN IMMEDIATE` if none is open). Rows and
   * checkpoints become durable together at `commit()`; several batches may share one commit while
   * catching up. A failure rolls the whole open transaction back: the checkpoints say where to resume.
   */
  apply(batch: ProjectedBatch, targets: readonly Target[]): Applied[] {
    if (batch.positions.length === 0 || targets.length === 0) return [];
    const db = this.readModels.db;
    if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
    try {
      return this.applyNow(batch, targets);
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  /** True when applied rows wait for a commit. */
  get pending(): boolean {
    return this.readModels.open && this.readModels.db.inTransaction;
  }

  commit(): void {
    if (this.pending) this.readModels.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.pending) this.readModels.db.exec('ROLLBACK');
  }

  private toProjected(stored: StoredEvent, kind: StreamKind): ProjectedEvent {
    const { metadata } = stored;
    const version = Number(metadata.schemaVersion ?? 1);
    // Most types have no upcaster: skip building an event only to get it back unchanged.
    const event =
      this.upcasters.currentVersion(stored.type) > version ? upcastStored(this.upcasters, stored) : stored;
    const occurredAt = metadata.occurredAt;
    return {
      type: event.type,
      data: event.data,
      id: stored.id,
      streamId: stored.streamId,
      kind,
      entityId: stored.streamId.slice(kind.length + 1),
      revision: stored.revision,
      position: stored.position,
      recordedAt: stored.recordedAt,
      occurredAt: isoStamp(typeof occurredAt === 'string' ? occurredAt : stored.recordedAt),
      metadata,
      fold: this.states.folds(kind) ? this.states.fold(kind, stored.streamId, stored.revision, event) : null,
    } as ProjectedEvent;
  }

  private applyNow(batch: ProjectedBatch, targets: readonly Target[]): Applied[] {
    const now = this.clock().toISOString();
    const { positions, events } = batch;
    const n = positions.length;
    const last = positions[n - 1] ?? null;
    return targets.map((target) => {
      const { name } = target.projection;
      const row = this.generations.get(name, target.generation);
      if (row === undefined) return { target, events: 0, position: null };
      const from = row.position;
      let start = 0;
      if (from !== null) while (start < n && (positions[start] as Position) <= from) start++;
      if (start === n || last === null) return { target, events: 0, position: from };
      let handled = 0;
      let errors = 0;
      let latest: string | null = null;
      const { projection, tx } = target;
      try {
        for (let i = start; i < n; i++) {
          const event = events[i];
          if (event === null || event === undefined || !target.streams.has(event.kind)) continue;
          projection.handle(event, tx);
          handled++;
          if (latest === null || event.occurredAt > latest) latest = event.occurredAt;
          if (event.fold?.refused === true && target.folds.has(event.kind)) errors++;
        }
        projection.flush?.(tx);
      } catch (error) {
        projection.discard?.(tx);
        throw error;
      }
      this.generations.checkpoint(name, target.generation, last, handled, errors, this.owner, now, latest);
      return { target, events: handled, position: last };
    });
  }
}
