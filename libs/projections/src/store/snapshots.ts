import type { Position } from '@ltc/event-store';
import type { Database } from 'better-sqlite3';
import { tableNames, tablePrefix, type AnyProjection } from '../core/projection';
import type { SavedFold } from '../fold/stream-states';
import type { StreamKind } from '../fold/stream-kinds';
import { snapshotFallsDue, snapshotsToDrop } from '../runner/commit-policy';
import type { Generation } from './generations';

/** Where a snapshot finds the fold states of the streams at its position (the runner's cache). */
export type FoldSource = Readonly<{ saved: (kind: StreamKind, at: Position) => Iterable<SavedFold> }>;

/**
 * A snapshot's own table of fold states: the machine state of every stream of the kinds its projection
 * folds, at the snapshot's position, as far as the runner's cache held them. A replay from the snapshot
 * starts its cache with them instead of folding each stream again from the log (a cache: a stream left
 * out is folded again when its next event comes).
 */
const FOLDS = 'fold_states';

export type Snapshot = Readonly<{
  name: string;
  generation: number;
  seq: number;
  position: Position;
  maxOccurredAt: string | null;
  maxRecordedAt: string | null;
  events: number;
}>;

const snapshotTable = (projection: AnyProjection, generation: number, seq: number, table: string) =>
  `${tablePrefix(projection.name, generation)}s${seq}_${table}`;

/** The snapshots of a generation, oldest first. */
export function snapshotsOf(db: Database, name: string, generation: number, schema = 'main'): Snapshot[] {
  return db
    .prepare<[string, number], Snapshot>(
      `SELECT name, generation, seq, position, max_occurred_at AS maxOccurredAt,
         max_recorded_at AS maxRecordedAt, events
       FROM ${schema}.projection_snapshots WHERE name = ? AND generation = ? ORDER BY seq`,
    )
    .all(name, generation);
}

/**
 * Takes a snapshot when the generation has handled `every` events since the last one: copies of its
 * tables that change (append-only ones are their own history), at the generation's checkpoint.
 */
export function maybeSnapshot(
  db: Database,
  projection: AnyProjection,
  generation: Generation,
  now: string,
  folds?: FoldSource,
): boolean {
  const config = projection.snapshots;
  if (config === undefined || generation.position === null) return false;
  const taken = snapshotsOf(db, projection.name, generation.generation);
  const last = taken.at(-1);
  if (!snapshotFallsDue(config.every, generation.events, last?.events)) return false;
  const seq = (last?.seq ?? 0) + 1;
  const t = tableNames(projection, generation.generation);
  db.transaction(() => {
    for (const table of projection.tables) {
      if ((config.appendOnly as Record<string, string | undefined>)[table] !== undefined) continue;
      db.exec(
        `CREATE TABLE "${snapshotTable(projection, generation.generation, seq, table)}" AS SELECT * FROM "${t[table]}"`,
      );
    }
    if (folds !== undefined && projection.folds.length > 0) {
      saveFolds(
        db,
        snapshotTable(projection, generation.generation, seq, FOLDS),
        projection,
        folds,
        generation.position as Position,
      );
    }
    db.prepare(
      `INSERT INTO projection_snapshots (name, generation, seq, position, max_occurred_at, max_recorded_at,
         events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      projection.name,
      generation.generation,
      seq,
      generation.position,
      generation.maxOccurredAt,
      generation.maxRecordedAt,
      generation.events,
      now,
    );
    for (const old of snapshotsToDrop(taken)) dropSnapshot(db, projection, old);
  }).immediate();
  return true;
}

function saveFolds(
  db: Database,
  table: string,
  projection: AnyProjection,
  folds: FoldSource,
  at: Position,
): void {
  db.exec(
    `CREATE TABLE "${table}" (stream_id TEXT PRIMARY KEY, kind TEXT NOT NULL, revision INTEGER NOT NULL,
       state TEXT NOT NULL, context TEXT NOT NULL)`,
  );
  const insert = db.prepare(`INSERT INTO "${table}" VALUES (?, ?, ?, ?, ?)`);
  for (const kind of projection.folds) {
    for (const fold of folds.saved(kind, at)) {
      insert.run(fold.streamId, kind, fold.revision, fold.saved.state, JSON.stringify(fold.saved.context));
    }
  }
}

/**
 * The fold states kept with a snapshot (in the attached schema `from`), per kind; none for a snapshot
 * taken before they were kept.
 */
export function snapshotFolds(
  db: Database,
  projection: AnyProjection,
  from: string,
  snapshot: Snapshot,
): Map<StreamKind, SavedFold[]> {
  const table = snapshotTable(projection, snapshot.generation, snapshot.seq, FOLDS);
  const byKind = new Map<StreamKind, SavedFold[]>();
  const exists = db
    .prepare<[string], number>(`SELECT 1 FROM ${from}.sqlite_master WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(table);
  if (exists === undefined) return byKind;
  const rows = db
    .prepare<[], [string, StreamKind, number, string, string]>(
      `SELECT stream_id, kind, revision, state, context FROM ${from}."${table}"`,
    )
    .raw()
    .all();
  for (const [streamId, kind, revision, state, context] of rows) {
    let list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, (list = []));
    list.push({ streamId, revision, saved: { state, context: JSON.parse(context) as unknown } });
  }
  return byKind;
}

function dropSnapshot(db: Database, projection: AnyProjection, snapshot: Snapshot): void {
  db.exec(`DROP TABLE IF EXISTS "${snapshotTable(projection, snapshot.generation, snapshot.seq, FOLDS)}"`);
  for (const table of projection.tables) {
    db.exec(`DROP TABLE IF EXISTS "${snapshotTable(projection, snapshot.generation, snapshot.seq, table)}"`);
  }
  db.prepare('DELETE FROM projection_snapshots WHERE name = ? AND generation = ? AND seq = ?').run(
    snapshot.name,
    snapshot.generation,
    snapshot.seq,
  );
}

/**
 * Fills `into`'s (empty) tables from a snapshot in the attached schema `from`: copied tables from the
 * copy, append-only ones from the live table up to the snapshot's position.
 */
export function restoreSnapshot(
  db: Database,
  projection: AnyProjection,
  from: string,
  snapshot: Snapshot,
  into: number,
): void {
  const live = tableNames(projection, snapshot.generation);
  const target = tableNames(projection, into);
  const appendOnly = (projection.snapshots?.appendOnly ?? {}) as Record<string, string | undefined>;
  for (const table of projection.tables) {
    const column = appendOnly[table];
    if (column === undefined) {
      db.exec(
        `INSERT INTO main."${target[table]}" SELECT * FROM ${from}."${snapshotTable(projection, snapshot.generation, snapshot.seq, table)}"`,
      );
    } else {
      db.prepare(
        `INSERT INTO main."${target[table]}" SELECT * FROM ${from}."${live[table]}" WHERE ${column} <= ?`,
      ).run(snapshot.position);
    }
  }
}
