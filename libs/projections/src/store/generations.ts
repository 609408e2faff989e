import { asPosition, type Position } from '@ltc/event-store';
import type { Database, Statement } from 'better-sqlite3';
import { tableNames, tablePrefix, type AnyProjection } from '../core/projection';

export type GenerationStatus = 'building' | 'serving';

export type Generation = Readonly<{
  name: string;
  generation: number;
  version: number;
  status: GenerationStatus;
  /** Checkpoint: the last log position whose events are in this generation's rows. */
  position: Position | null;
  events: number;
  errors: number;
  owner: string | null;
  heartbeatAt: string | null;
  createdAt: string;
  servingSince: string | null;
  /** The latest `occurredAt` among the events in this generation's rows. */
  maxOccurredAt: string | null;
  /** The latest `recordedAt` (knowledge time) among them; null in files from before it was kept. */
  maxRecordedAt: string | null;
}>;

type Row = {
  name: string;
  generation: number;
  version: number;
  status: GenerationStatus;
  position: string | null;
  events: number;
  errors: number;
  owner: string | null;
  heartbeat_at: string | null;
  created_at: string;
  serving_since: string | null;
  max_occurred_at: string | null;
  max_recorded_at: string | null;
};

const toGeneration = (row: Row): Generation => ({
  name: row.name,
  generation: row.generation,
  version: row.version,
  status: row.status,
  position: row.position === null ? null : asPosition(row.position),
  events: row.events,
  errors: row.errors,
  owner: row.owner,
  heartbeatAt: row.heartbeat_at,
  createdAt: row.created_at,
  servingSince: row.serving_since,
  maxOccurredAt: row.max_occurred_at,
  maxRecordedAt: row.max_recorded_at,
});

/**
 * Moves a generation's checkpoint with the rows of its batch (parameters: position, events, errors, owner,
 * now, max occurred-at twice, max recorded-at twice, name, generation).
 */
export const CHECKPOINT_SQL = `UPDATE projection_generations SET position = ?, events = events + ?, errors = errors + ?,
    owner = ?, heartbeat_at = ?,
    max_occurred_at = CASE WHEN max_occurred_at IS NULL OR ? > max_occurred_at THEN ? ELSE max_occurred_at END,
    max_recorded_at = CASE WHEN max_recorded_at IS NULL OR ? > max_recorded_at THEN ? ELSE max_recorded_at END
  WHERE name = ? AND generation = ?`;

/** The registry of generations: create, lease, checkpoint, promote, drop. */
export class Generations {
  private readonly sql: {
    all: Statement<[], Row>;
    one: Statement<[string, number], Row>;
    serving: Statement<[string], Row>;
    next: Statement<[string], number>;
    insert: Statement<[string, number, number, string, string, string]>;
    checkpoint: Statement<
      [
        string,
        number,
        number,
        string,
        string,
        string | null,
        string | null,
        string | null,
        string | null,
        string,
        number,
      ]
    >;
    dropSnapshots: Statement<[string, number]>;
    lease: Statement<[string, string, string, number]>;
    remove: Statement<[string, number]>;
    release: Statement<[string]>;
    serve: Statement<[string, string, number]>;
    tables: Statement<[string, string], string>;
  };

  constructor(private readonly db: Database) {
    this.sql = {
      all: db.prepare('SELECT * FROM projection_generations ORDER BY name, generation'),
      one: db.prepare('SELECT * FROM projection_generations WHERE name = ? AND generation = ?'),
      serving: db.prepare("SELECT * FROM projection_generations WHERE name = ? AND status = 'serving'"),
      next: db
        .prepare<[string], number>(
          'SELECT coalesce(max(generation), 0) + 1 FROM projection_generations WHERE name = ?',
        )
        .pluck(),
      insert: db.prepare(
        `INSERT INTO projection_generations (name, generation, version, status, owner, heartbeat_at, created_at)
         VALUES (?, ?, ?, 'building', ?, ?, ?)`,
      ),
      checkpoint: db.prepare(CHECKPOINT_SQL),
      dropSnapshots: db.prepare('DELETE FROM projection_snapshots WHERE name = ? AND generation = ?'),
      lease: db.prepare(
        'UPDATE projection_generations SET owner = ?, heartbeat_at = ? WHERE name = ? AND generation = ?',
      ),
      remove: db.prepare('DELETE FROM projection_generations WHERE name = ? AND generation = ?'),
      release: db.prepare(
        "UPDATE projection_generations SET owner = NULL, heartbeat_at = NULL WHERE owner = ? AND status = 'building'",
      ),
      serve: db.prepare(
        "UPDATE projection_generations SET status = 'serving', serving_since = ? WHERE name = ? AND generation = ?",
      ),
      tables: db
        .prepare<[string, string], string>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, length(?)) = ?",
        )
        .pluck(),
    };
  }

  all(): Generation[] {
    return this.sql.all.all().map(toGeneration);
  }

  /** The furthest checkpoint of any generation: how far the read models have seen the log. */
  furthest(): Position | null {
    return this.all().reduce<Position | null>(
      (max, g) => (g.position !== null && (max === null || g.position > max) ? g.position : max),
      null,
    );
  }

  get(name: string, generation: number): Generation | undefined {
    const row = this.sql.one.get(name, generation);
    return row === undefined ? undefined : toGeneration(row);
  }

  serving(name: string): Generation | undefined {
    const row = this.sql.serving.get(name);
    return row === undefined ? undefined : toGeneration(row);
  }

  /** A new building generation with empty tables, leased to `owner`. */
  create(projection: AnyProjection, owner: string, now: string): Generation {
    return this.db
      .transaction(() => {
        const generation = this.sql.next.get(projection.name) ?? 1;
        this.dropTables(projection.name, generation);
        for (const statement of projection.schema(tableNames(projection, generation)))
          this.db.exec(statement);
        this.sql.insert.run(projection.name, generation, projection.version, owner, now, now);
        return toGeneration(this.sql.one.get(projection.name, generation) as Row);
      })
      .immediate();
  }

  /**
   * Takes the lease of a building generation if it is ours already, free, or its owner stopped beating
   * (or, by `gone`, is known to be dead).
   */
  claim(
    name: string,
    generation: number,
    owner: string,
    now: string,
    staleBefore: string,
    gone: (owner: string | null) => boolean = () => false,
  ): boolean {
    return this.db
      .transaction(() => {
        const row = this.sql.one.get(name, generation);
        if (row === undefined) return false;
        const free =
          row.owner === owner ||
          row.owner === null ||
          row.heartbeat_at === null ||
          row.heartbeat_at < staleBefore ||
          gone(row.owner);
        if (free) this.sql.lease.run(owner, now, name, generation);
        return free;
      })
      .immediate();
  }

  /** Gives up the leases `owner` holds (a runner that stops), so another process may continue at once. */
  release(owner: string): void {
    this.sql.release.run(owner);
  }

  /** Inside a batch transaction: the rows of these events are written, move the checkpoint with them. */
  checkpoint(
    name: string,
    generation: number,
    position: Position,
    events: number,
    errors: number,
    owner: string,
    now: string,
    maxOccurredAt: string | null = null,
    maxRecordedAt: string | null = null,
  ): void {
    this.sql.checkpoint.run(
      position,
      events,
      errors,
      owner,
      now,
      maxOccurredAt,
      maxOccurredAt,
      maxRecordedAt,
      maxRecordedAt,
      name,
      generation,
    );
  }

  /** The generation serves from now on; the one it replaces is dropped in the same transaction. */
  promote(name: string, generation: number, now: string): void {
    this.db
      .transaction(() => {
        const previous = this.sql.serving.get(name);
        if (previous !== undefined && previous.generation !== generation) this.discardNow(previous);
        this.sql.serve.run(now, name, generation);
      })
      .immediate();
  }

  /** Drops a generation and its tables (an abandoned build, or one replaced by another). */
  discard(name: string, generation: number): void {
    this.db
      .transaction(() => {
        const row = this.sql.one.get(name, generation);
        if (row !== undefined) this.discardNow(row);
      })
      .immediate();
  }

  /** Forgets every generation: the log they were built from is not the log the store holds now. */
  discardAll(): void {
    this.db.transaction(() => this.sql.all.all().forEach((row) => this.discardNow(row))).immediate();
  }

  private discardNow(row: Row): void {
    this.dropTables(row.name, row.generation);
    this.sql.dropSnapshots.run(row.name, row.generation);
    this.sql.remove.run(row.name, row.generation);
  }

  private dropTables(name: string, generation: number): void {
    const prefix = tablePrefix(name, generation);
    for (const table of this.sql.tables.all(prefix, prefix)) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
  }
}
