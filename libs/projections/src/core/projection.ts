import type { Database } from 'better-sqlite3';
import type { Position } from '@ltc/event-store';
import type { SqlTarget } from '../store/sql-writer';
import type { StreamKind } from '../fold/stream-kinds';
import type { ProjectedEvent } from './projected-event';

/** The real names of a projection's tables in one generation: `funnel_g3_deals` for `deals`. */
export type TableNames<T extends string = string> = Readonly<Record<T, string>>;

/**
 * What `handle` writes through: the statements `prepare` made, run inside the batch's transaction; and,
 * for a projection that declares `memory`, what it keeps in memory, at the checkpoint the batch follows.
 */
export type ProjectionTx<S, M = unknown> = Readonly<{ sql: S; memory: M }>;

/**
 * A read model built from the log. `handle` runs inside the runner's transaction, which also moves the
 * checkpoint, so an event is counted exactly once however the process dies. A new `version` (or a
 * rebuild) builds fresh tables from position zero and replaces the old ones once caught up.
 */
export interface Projection<T extends string = string, S = unknown, M = unknown> {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly T[];
  /**
   * Older versions whose tables this version's queries can read (same shape, e.g. a fix in `handle`):
   * while the new version builds, their generation keeps answering queries.
   */
  readonly compatibleWith?: readonly number[];
  /**
   * Optional: keep snapshots of this projection's tables every `every` handled events, so a replay as of
   * a later moment starts from the nearest one instead of position zero. Tables listed in `appendOnly`
   * (rows inserted once, never changed, with the event's position in that column) are not copied: their
   * rows up to the snapshot's position are the snapshot. Every other table is copied.
   */
  readonly snapshots?: Readonly<{ every: number; appendOnly: Readonly<Partial<Record<T, string>>> }>;
  /** Kinds of stream whose events reach `handle`. */
  readonly streams: readonly StreamKind[];
  /** Kinds whose machine state (`event.fold`) `handle` reads. */
  readonly folds: readonly StreamKind[];
  /** Statements creating the tables and indexes of one generation. */
  schema(t: TableNames<T>): readonly string[];
  /**
   * Prepares the write statements `handle` uses, once per run and generation. They may run later and
   * elsewhere (a writer thread): `handle` only writes, it never reads back what it wrote.
   */
  prepare(db: SqlTarget, t: TableNames<T>): S;
  /**
   * Optional, for a projection whose rows depend on everything before them (the incentive statements
   * frozen at a close): what it folded so far, kept in memory between batches as a cache of its own
   * committed rows. `load` builds it from those rows as of the checkpoint `upTo` (null: nothing handled
   * yet), reading on `db`, the store's connection. The runner loads it before a generation's first batch
   * and again whenever the memory may not be at the checkpoint the next batch follows (a restart, a
   * transaction rolled back, a generation another process wrote); `handle` keeps it current.
   */
  readonly memory?: Readonly<{ load(db: Database, t: TableNames<T>, upTo: Position | null): M }>;
  handle(event: ProjectedEvent, tx: ProjectionTx<S, M>): void;
  /**
   * Optional: writes what `handle` buffered for this batch (many rows per statement), in the same
   * transaction, after the batch's last event. Buffers never outlive a batch: `discard` drops them when
   * the batch fails.
   */
  flush?(tx: ProjectionTx<S, M>): void;
  discard?(tx: ProjectionTx<S, M>): void;
}

export type AnyProjection = Projection<string, unknown, unknown>;

/** `funnel` generation 3 -> `funnel_g3_`; every table of that generation starts with it. */
export function tablePrefix(name: string, generation: number): string {
  return `${name.replace(/[^A-Za-z0-9]/g, '_')}_g${generation}_`;
}

export function tableNames<T extends string>(
  projection: Pick<Projection<T>, 'name' | 'tables'>,
  generation: number,
): TableNames<T> {
  const prefix = tablePrefix(projection.name, generation);
  return Object.fromEntries(projection.tables.map((table) => [table, `${prefix}${table}`])) as Record<
    T,
    string
  >;
}
