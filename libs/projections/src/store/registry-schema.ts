/**
 * The generations of every projection. A generation is one set of tables built from position zero by
 * one version of a projection; at most one per projection serves queries. `position` is the checkpoint,
 * written in the same transaction as the rows; `owner` and `heartbeat_at` lease a building generation
 * to one process (the api, or `ltc projections rebuild`).
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
    PRIMARY KEY (name, generation)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS projection_generations_one_serving
    ON projection_generations (name) WHERE status = 'serving';
  CREATE TABLE IF NOT EXISTS read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
