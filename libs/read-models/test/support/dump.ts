import { openReadModel, type AnyProjection, type ReadModelStore } from '@ltc/projections';

/** Every row of every table of each projection's serving generation, in a stable order. */
export function dump(
  readModels: ReadModelStore,
  projections: readonly AnyProjection[],
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const projection of projections) {
    const { db, t } = openReadModel(readModels, projection);
    for (const [table, real] of Object.entries<string>(t)) {
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${real}')`)
        .all()
        .map((c) => `"${c.name}"`);
      out[`${projection.name}.${table}`] = db
        .prepare(`SELECT * FROM "${real}" ORDER BY ${columns.join(', ')}`)
        .all();
    }
  }
  return out;
}

/** Rows per table, for a readable summary in test names and failures. */
export function counts(tables: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
}
