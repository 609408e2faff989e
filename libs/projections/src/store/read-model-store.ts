import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { REGISTRY_COLUMNS, REGISTRY_SCHEMA } from './registry-schema';

export type ReadModelStoreOptions = Readonly<{
  /** Path of the read-model database, or `:memory:` for an as-of replay. */
  file: string;
  busyTimeoutMs?: number;
}>;

/**
 * The read models' own SQLite file, whatever the event store is. WAL so queries read while the runner
 * writes; `synchronous=NORMAL` because a read model can always be rebuilt from the log, and a process
 * kill still loses nothing (rows and checkpoint commit together or not at all).
 */
export class ReadModelStore {
  readonly db: Database;
  readonly file: string;
  readonly busyTimeoutMs: number;

  constructor(options: ReadModelStoreOptions) {
    this.file = options.file;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new BetterSqlite3(options.file, { timeout: this.busyTimeoutMs });
    if (options.file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Rebuilds insert into B-trees in key order rarely: a larger page cache saves most of their reads.
    this.db.pragma('cache_size = -65536');
    this.db.exec(REGISTRY_SCHEMA);
    for (const { table, column, type } of REGISTRY_COLUMNS) {
      const columns = this.db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all();
      if (!columns.some((c) => c.name === column))
        this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
  }

  get open(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Where the api and the cli keep read models: beside the data, one file per kind of event store so that
 * switching stores never mixes checkpoints of two logs.
 */
export function readModelsFile(dataDir: string, storeKind: string): string {
  if (storeKind === 'memory') return ':memory:';
  return join(dataDir, storeKind === 'sqlite' ? 'read-models.sqlite' : `read-models.${storeKind}.sqlite`);
}
