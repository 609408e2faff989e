import { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import type { Transaction } from 'better-sqlite3';
import type { ProjectedEvent } from '../core/projected-event';
import { tableNames, type AnyProjection, type ProjectionTx } from '../core/projection';
import { StreamStates } from '../fold/stream-states';
import { streamKindOf, type StreamKind } from '../fold/stream-kinds';
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
  entries: readonly Readonly<{ position: Position; event: ProjectedEvent | null }>[];
}>;

export type Applied = Readonly<{ target: Target; events: number; position: Position | null }>;

/**
 * The work shared by the live runner and the as-of replay, so both run the same code: upcast and fold a
 * batch (async: a cold stream is folded again from the store), then, in one transaction, hand each event
 * to every target whose checkpoint is before it and move those checkpoints.
 */
export class BatchProjector {
  readonly states: StreamStates;
  private readonly applyInTx: Transaction<(batch: ProjectedBatch, targets: readonly Target[]) => Applied[]>;

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
    this.applyInTx = readModels.db.transaction((batch, targets) => this.applyNow(batch, targets));
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
    const known: { stored: StoredEvent; kind: StreamKind; id: string }[] = [];
    for (const event of stored) {
      const kind = streamKindOf(event.streamId);
      if (kind !== undefined) known.push({ stored: event, ...kind });
    }
    await this.states.prepare(known);
    let next = 0;
    const entries = stored.map((event) => {
      const match = known[next];
      if (match === undefined || match.stored !== event) return { position: event.position, event: null };
      next++;
      return { position: event.position, event: this.toProjected(match.stored, match.kind, match.id) };
    });
    return { entries };
  }

  apply(batch: ProjectedBatch, targets: readonly Target[]): Applied[] {
    if (batch.entries.length === 0 || targets.length === 0) return [];
    return this.applyInTx.immediate(batch, targets);
  }

  private toProjected(stored: StoredEvent, kind: StreamKind, entityId: string): ProjectedEvent {
    const event = upcastStored(this.upcasters, stored);
    const occurredAt = stored.metadata.occurredAt;
    return {
      type: event.type,
      data: event.data,
      id: stored.id,
      streamId: stored.streamId,
      kind,
      entityId,
      revision: stored.revision,
      position: stored.position,
      recordedAt: stored.recordedAt,
      occurredAt: typeof occurredAt === 'string' ? occurredAt : stored.recordedAt,
      metadata: stored.metadata,
      fold: this.states.folds(kind) ? this.states.fold(kind, stored.streamId, stored.revision, event) : null,
    } as ProjectedEvent;
  }

  private applyNow(batch: ProjectedBatch, targets: readonly Target[]): Applied[] {
    const now = this.clock().toISOString();
    return targets.map((target) => {
      const { name } = target.projection;
      const row = this.generations.get(name, target.generation);
      if (row === undefined) return { target, events: 0, position: null };
      const from = row.position;
      let events = 0;
      let errors = 0;
      let last: Position | null = null;
      for (const { position, event } of batch.entries) {
        if (from !== null && position <= from) continue;
        last = position;
        if (event === null || !target.streams.has(event.kind)) continue;
        target.projection.handle(event, target.tx);
        events++;
        if (event.fold?.refused === true && target.folds.has(event.kind)) errors++;
      }
      if (last !== null)
        this.generations.checkpoint(name, target.generation, last, events, errors, this.owner, now);
      return { target, events, position: last ?? from };
    });
  }
}
