import { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import { asPosition } from '@ltc/event-store';
import { tableNames, type AnyProjection } from '../core/projection';
import { kindOfStream, type StreamKind } from '../fold/stream-kinds';
import { lateEntriesProjection, type LateEntryRow } from '../late/late-entries.projection';
import { BatchProjector, type Target } from '../runner/batch-projector';
import { Generations } from '../store/generations';
import { ReadModelStore } from '../store/read-model-store';
import { restoreSnapshot, snapshotFolds, snapshotsOf, type Snapshot } from '../store/snapshots';

export type AsOfOptions = Readonly<{
  upcasters?: UpcasterRegistry;
  batchSize?: number;
  /**
   * How far `recordedAt` may go backwards along the log (clock skew between writers): past the moment
   * plus this margin no later event can still be in the answer, and reading stops there.
   */
  skewToleranceMs?: number;
  /**
   * The live read models: a projection with snapshots starts from the newest one usable for the moment
   * (its rows, then only the rest of the log), and the late-entries index there (when it serves) spares
   * the scan of the log after a business instant.
   */
  live?: ReadModelStore;
  /** @deprecated the same as `live`. */
  snapshots?: ReadModelStore;
}>;

export const DEFAULT_SKEW_MS = 300_000;

/** Which indexed late entries to read: positions `[from, until]` (or after `after`), and the moment's bounds. */
export type LateFilter = Readonly<{
  after?: Position;
  from?: Position;
  until?: Position;
  occurredBy?: string;
  recordedBy?: string;
  positionBy?: Position;
  /** `position` (log order) or `occurred` (business time, then log order). */
  order: 'position' | 'occurred';
}>;

/**
 * An in-memory database with one fresh generation per projection, written through the same
 * {@link BatchProjector} as the live runner. Batches are folded, applied and committed in the order given.
 */
export class ReplaySession {
  readonly readModels = new ReadModelStore({ file: ':memory:' });
  readonly generations: Generations;
  readonly projector: BatchProjector;
  readonly targets: Target[];
  readonly kinds: ReadonlySet<StreamKind>;
  readonly skewMs: number;
  readonly batchSize: number;
  private readonly live: ReadModelStore | undefined;
  private batch: StoredEvent[] = [];

  constructor(
    readonly store: EventStore,
    readonly projections: readonly AnyProjection[],
    options: AsOfOptions,
    /** `false` when events come in business-time order, not log order (one-pass sampling). */
    private readonly ordered = true,
  ) {
    const unsampled = ordered ? undefined : projections.find((p) => p.memory !== undefined);
    if (unsampled !== undefined) {
      throw new Error(
        `${unsampled.name} folds the log in its order (memory): it cannot be sampled by business time`,
      );
    }
    this.generations = new Generations(this.readModels.db);
    const clock = () => new Date(0);
    this.projector = new BatchProjector(
      store,
      this.readModels,
      this.generations,
      projections,
      'as-of',
      clock,
      options.upcasters ?? new UpcasterRegistry(),
      'direct',
    );
    this.targets = projections.map((p) =>
      this.projector.target(p, this.generations.create(p, 'as-of', clock().toISOString()).generation),
    );
    this.kinds = new Set(projections.flatMap((p) => p.streams));
    this.skewMs = options.skewToleranceMs ?? DEFAULT_SKEW_MS;
    this.batchSize = options.batchSize ?? 5000;
    const live = options.live ?? options.snapshots;
    this.live = live !== undefined && live.file !== ':memory:' && live.open ? live : undefined;
  }

  /** True when a projection of this replay reads events of this stream. */
  reads(event: StoredEvent): boolean {
    const kind = kindOfStream(event.streamId);
    return kind !== undefined && this.kinds.has(kind);
  }

  async add(event: StoredEvent): Promise<void> {
    this.batch.push(event);
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.projector.apply(await this.projector.project(batch), this.targets, false, this.ordered);
    this.projector.commit();
    // A long replay in the api must not starve its other requests.
    await new Promise((resolve) => setImmediate(resolve));
  }

  serve(): void {
    for (const target of this.targets) {
      this.generations.promote(target.projection.name, target.generation, new Date(0).toISOString());
    }
  }

  close(): void {
    this.readModels.close();
  }

  /**
   * Fills each target that has a usable snapshot in the live read models: the newest one `usable` accepts.
   * One read transaction over both databases, so a promotion in between cannot mix generations.
   * All targets or none: the log is read from the oldest snapshot, so one missing means from zero.
   */
  restore(usable: (snapshot: Snapshot) => boolean): Snapshot[] {
    if (this.live === undefined) return [];
    return this.withLive(() => {
      const db = this.readModels.db;
      const chosen: [Target, Snapshot][] = [];
      for (const target of this.targets) {
        const { projection } = target;
        const serving =
          projection.snapshots === undefined
            ? undefined
            : servingGeneration(db, projection.name, projection.version);
        const snapshot =
          serving === undefined
            ? undefined
            : snapshotsOf(db, projection.name, serving, 'live').filter(usable).at(-1);
        // The log is read from the oldest snapshot: one target without a snapshot means from zero for all.
        if (snapshot === undefined) return [];
        chosen.push([target, snapshot]);
      }
      for (const [target, snapshot] of chosen) {
        const { projection, generation } = target;
        restoreSnapshot(db, projection, 'live', snapshot, generation);
        this.projector.floor(target, snapshot.position);
        this.generations.checkpoint(
          projection.name,
          generation,
          snapshot.position,
          0,
          0,
          'as-of',
          '',
          snapshot.maxOccurredAt,
          snapshot.maxRecordedAt,
        );
      }
      // The fold states kept with the snapshots start the cache, the oldest snapshot's first (the log is
      // read from there). A newer snapshot's state of a stream serves too: the revision a cached state
      // is at is checked against each event's, so a stream with events in between is folded again.
      for (const [target, snapshot] of [...chosen].sort((a, b) => (a[1].position < b[1].position ? -1 : 1))) {
        for (const [kind, folds] of snapshotFolds(db, target.projection, 'live', snapshot)) {
          this.projector.states.load(kind, folds);
        }
      }
      return chosen.map(([, snapshot]) => snapshot);
    });
  }

  /** The checkpoint of the live late-entries index, if it serves: it holds every late entry up to there. */
  lateCheckpoint(): Position | undefined {
    if (this.live === undefined) return undefined;
    return this.withLive(() => {
      const generation = this.lateGeneration();
      if (generation === undefined) return undefined;
      const checkpoint = this.readModels.db
        .prepare<[string, number], string | null>(
          'SELECT position FROM live.projection_generations WHERE name = ? AND generation = ?',
        )
        .pluck()
        .get(lateEntriesProjection.name, generation);
      return checkpoint === null || checkpoint === undefined ? undefined : asPosition(checkpoint);
    });
  }

  /** The indexed late entries the filter selects (none when the index does not serve). */
  lateEntries(filter: LateFilter): LateEntryRow[] {
    if (this.live === undefined) return [];
    return this.withLive(() => {
      const generation = this.lateGeneration();
      if (generation === undefined) return [];
      const clauses = ['1'];
      const params: string[] = [];
      const where = (sql: string, value: string | undefined | null) => {
        if (value === undefined || value === null) return;
        clauses.push(sql);
        params.push(value);
      };
      where('position > ?', filter.after);
      where('position >= ?', filter.from);
      where('position <= ?', filter.until);
      where('occurred_at <= ?', filter.occurredBy);
      where('recorded_at <= ?', filter.recordedBy);
      where('position <= ?', filter.positionBy);
      const order = filter.order === 'position' ? 'position' : 'occurred_at, position';
      return this.readModels.db
        .prepare<string[], LateEntryRow>(
          `SELECT position, stream_id, revision, occurred_at, recorded_at
           FROM live."${tableNames(lateEntriesProjection, generation).entries}"
           WHERE ${clauses.join(' AND ')} ORDER BY ${order}`,
        )
        .all(...params);
    });
  }

  private lateGeneration(): number | undefined {
    const { name, version } = lateEntriesProjection;
    return servingGeneration(this.readModels.db, name, version);
  }

  /** The stored event an index row names. */
  async fetch(row: Pick<LateEntryRow, 'stream_id' | 'revision'>): Promise<StoredEvent> {
    const [event] = await this.store.readStream(row.stream_id, { from: row.revision, maxCount: 1 });
    if (event === undefined) throw new Error(`late entry ${row.stream_id}@${row.revision}: not in the log`);
    return event;
  }

  private withLive<T>(read: () => T): T {
    const db = this.readModels.db;
    db.prepare('ATTACH DATABASE ? AS live').run((this.live as ReadModelStore).file);
    try {
      return db.transaction(read)();
    } finally {
      db.exec('DETACH DATABASE live');
    }
  }
}

function servingGeneration(db: ReadModelStore['db'], name: string, version: number): number | undefined {
  return db
    .prepare<[string, number], number>(
      `SELECT generation FROM live.projection_generations WHERE name = ? AND status = 'serving' AND version = ?`,
    )
    .pluck()
    .get(name, version);
}

export function minPosition(positions: readonly Position[]): Position | null {
  return positions.reduce<Position | null>((min, p) => (min === null || p < min ? p : min), null);
}
