import type { Database, Statement } from 'better-sqlite3';

/** A prepared write statement: `run` binds the parameters (values SQLite stores: text, numbers, null). */
export interface SqlStatement {
  run(...params: unknown[]): void;
}

/** What a projection prepares its write statements on. */
export interface SqlTarget {
  prepare(sql: string): SqlStatement;
}

/**
 * The write side of a read-model database: statements run inside one open transaction that `commit`
 * makes durable, rows and checkpoints together, or `rollback` drops. Where a statement actually runs is
 * the writer's business: {@link DirectSqlWriter} runs it at once on the caller's connection,
 * `ThreadSqlWriter` in a worker thread of its own, so SQLite works while the caller folds the next batch.
 * Either way an error of any statement since the last commit is thrown by `commit` at the latest, and
 * then nothing of that transaction is stored.
 */
export interface SqlWriter extends SqlTarget {
  /** Opens the write transaction unless one is open. */
  begin(): void;
  /** True while a transaction is open (statements may wait for a commit). */
  readonly pending: boolean;
  /** Hands the statements run so far to the database (the thread writer starts on them meanwhile). */
  send(): void;
  commit(): void;
  rollback(): void;
  /** Rolls back what was not committed and ends the writer (resolves once its thread has ended). */
  close(): Promise<void>;
}

/** Runs every statement at once on the given connection (an as-of replay's in-memory database). */
export class DirectSqlWriter implements SqlWriter {
  constructor(private readonly db: Database) {}

  prepare(sql: string): SqlStatement {
    const statement: Statement<unknown[]> = this.db.prepare(sql);
    return { run: (...params) => void statement.run(...params) };
  }

  begin(): void {
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
  }

  get pending(): boolean {
    return this.db.open && this.db.inTransaction;
  }

  send(): void {}

  commit(): void {
    if (this.pending) this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.pending) this.db.exec('ROLLBACK');
  }

  close(): Promise<void> {
    this.rollback();
    return Promise.resolve();
  }
}
