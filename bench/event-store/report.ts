import { writeFileSync } from 'node:fs';

export type Row = Readonly<{
  measure: string;
  adapter: number | null;
  raw: number | null;
  /** Minimum adapter/raw ratio, or a maximum for the adapter value when `limit` is set. */
  minRatio?: number;
  limit?: number;
  unit: string;
}>;

const number = (value: number | null): string =>
  value === null ? '' : Math.round(value).toLocaleString('en-US');

function verdict(row: Row): { ratio: number | null; target: string; ok: boolean | null } {
  const ratio =
    row.adapter !== null && row.raw !== null && row.limit === undefined ? row.adapter / row.raw : null;
  if (row.minRatio !== undefined) {
    return { ratio, target: `≥ ${row.minRatio * 100}%`, ok: ratio !== null && ratio >= row.minRatio };
  }
  if (row.limit !== undefined) {
    return {
      ratio,
      target: `< ${row.limit} ${row.unit}`,
      ok: row.adapter !== null && row.adapter < row.limit,
    };
  }
  return { ratio, target: '—', ok: null };
}

/** Prints the results as a Markdown table and returns whether every target was met. */
export function printTable(title: string, rows: readonly Row[]): boolean {
  const lines = rows.map((row) => {
    const { ratio, target, ok } = verdict(row);
    return [
      row.measure,
      number(row.adapter),
      number(row.raw),
      ratio === null ? '' : `${Math.round(ratio * 100)}%`,
      target,
      ok === null ? '' : ok ? 'yes' : 'NO',
    ];
  });
  const header = ['measure', 'adapter', 'raw better-sqlite3', 'adapter/raw', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
  return rows.every((row) => verdict(row).ok !== false);
}

export function writeResults(file: string, payload: object, rows: readonly Row[]): void {
  const results = rows.map((row) => ({ ...row, ...verdict(row) }));
  writeFileSync(file, `${JSON.stringify({ ...payload, results }, null, 2)}\n`);
}
