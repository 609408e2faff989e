/**
 * The generations of every projection. A generation is one set of tables built from position zero by
 * one version of a projection; at most one per projection serves queries. `position` is the checkpoint,
 * written in the same transaction as the rows; `owner` and `heartbeat_at` lease a building generation
 * to one process (the api, or `ltc projections rebuild`). `max_occurred_at` is the latest `occurredAt` of
 * the events in its rows, `max_recorded_at` the latest `recordedAt`. `projection_snapshots` lists copies of a generation's tables at a position,
 * kept so that a replay as of a later moment starts there (see `snapshots.ts`).
 */
export const REGISTRY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_generations (
    name TEXT NOT NULL,
    generation INTEGER NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('building', 'serving')),
    position TEXT,
    events INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    heartbeat_at TEXT,
    created_at TEXT NOT NULL,
    serving_since TEXT,
    max_occurred_at TEXT,
    max_recorded_at TEXT,
    PRIMARY KEY (name, generation)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS projection_generations_one_serving
    ON projection_generations (name) WHERE status = 'serving';
  CREATE TABLE IF NOT EXISTS read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS projection_snapshots (
    name TEXT NOT NULL,
    generation INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    position TEXT NOT NULL,
    max_occurred_at TEXT,
    max_recorded_at TEXT,
    events INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (name, generation, seq)
  );
`;

/** Columns added after the first release of the registry; `ReadModelStore` adds them to older files. */
export const REGISTRY_COLUMNS: readonly Readonly<{ table: string; column: string; type: string }>[] = [
  { table: 'projection_generations', column: 'max_occurred_at', type: 'TEXT' },
  { table: 'projection_generations', column: 'max_recorded_at', type: 'TEXT' },
  { table: 'projection_snapshots', column: 'max_recorded_at', type: 'TEXT' },
];
