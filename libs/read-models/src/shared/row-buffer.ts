import type { SqlStatement, SqlTarget } from '@ltc/projections';

const CHUNK = 64;

/**
 * Rows for one table, written many per statement at the end of a batch (`flush`): one statement call per
 * 64 rows costs far less than one per row. `onConflict` is appended to the INSERT (an upsert).
 */
export class RowBuffer {
  private rows: unknown[][] = [];
  private readonly statements = new Map<number, SqlStatement>();

  constructor(
    private readonly db: SqlTarget,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly onConflict = '',
  ) {}

  add(...values: unknown[]): void {
    this.rows.push(values);
  }

  flush(): void {
    const rows = this.rows;
    this.rows = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      this.statement(chunk.length).run(...chunk.flat());
    }
  }

  discard(): void {
    this.rows = [];
  }

  private statement(rows: number): SqlStatement {
    let statement = this.statements.get(rows);
    if (statement === undefined) {
      const row = `(${this.columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(
        `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${this.onConflict}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
