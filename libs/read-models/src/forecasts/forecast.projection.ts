import { type Projection, type SqlStatement, foldOf } from '@ltc/projections';

export type ForecastTables = 'deals' | 'stages';

type Sql = Readonly<{ upsert: SqlStatement; enter: SqlStatement }>;

const FINAL = new Set(['won', 'lost', 'abandoned']);

/**
 * What a forecast reads of every opportunity at a moment: stage and since when, amount, AR, segment,
 * forecast category, expected close date, and how it ended (the signed amount of a win); and the first
 * time the deal entered each stage (what the historical method learns from). Business times throughout.
 */
export const forecastProjection: Projection<ForecastTables, Sql> = {
  name: 'forecast',
  version: 1,
  tables: ['deals', 'stages'],
  snapshots: { every: 100_000, appendOnly: {} },
  streams: ['opportunity'],
  folds: ['opportunity'],
  schema: (t) => [
    `CREATE TABLE ${t.deals} (
       opportunity_id TEXT PRIMARY KEY, owner TEXT NOT NULL, ar TEXT, sr TEXT, fr TEXT,
       segment TEXT NOT NULL, customer_type TEXT NOT NULL, currency TEXT NOT NULL,
       amount_minor INTEGER NOT NULL, stage TEXT NOT NULL, stage_since TEXT NOT NULL,
       category TEXT NOT NULL, expected_close TEXT, opened_at TEXT NOT NULL,
       closed_at TEXT, outcome TEXT, won_minor INTEGER, won_currency TEXT) WITHOUT ROWID`,
    `CREATE TABLE ${t.stages} (
       opportunity_id TEXT NOT NULL, stage TEXT NOT NULL, entered_at TEXT NOT NULL,
       PRIMARY KEY (opportunity_id, stage)) WITHOUT ROWID`,
  ],
  prepare: (db, t) => ({
    upsert: db.prepare(
      `INSERT INTO ${t.deals} (opportunity_id, owner, ar, sr, fr, segment, customer_type, currency, amount_minor,
         stage, stage_since, category, expected_close, opened_at, closed_at, outcome, won_minor, won_currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (opportunity_id) DO UPDATE SET ar = excluded.ar, sr = excluded.sr, fr = excluded.fr,
         currency = excluded.currency, amount_minor = excluded.amount_minor, stage = excluded.stage,
         stage_since = CASE WHEN excluded.stage <> stage THEN excluded.stage_since ELSE stage_since END,
         category = excluded.category,
         expected_close = excluded.expected_close, closed_at = excluded.closed_at, outcome = excluded.outcome,
         won_minor = excluded.won_minor, won_currency = excluded.won_currency`,
    ),
    enter: db.prepare(
      `INSERT OR IGNORE INTO ${t.stages} (opportunity_id, stage, entered_at) VALUES (?, ?, ?)`,
    ),
  }),
  handle: (event, { sql }) => {
    if (event.kind !== 'opportunity') return;
    const fold = foldOf(event);
    if (fold.refused) return;
    const at = event.occurredAt;
    const c = fold.context;
    const moved = fold.after !== fold.before;
    if (!moved && c === fold.previous) return;
    const closed = FINAL.has(fold.after);
    const won = c.outcome?.kind === 'won' ? c.outcome.signedAmount : null;
    // stage_since is `at` only when the stage changes (the upsert keeps the row's otherwise).
    sql.upsert.run(
      event.entityId,
      c.owner,
      c.triangle?.AR ?? null,
      c.triangle?.SR ?? null,
      c.triangle?.FR ?? null,
      c.segment,
      c.customerType,
      c.amount.currency,
      c.amount.amountMinor,
      fold.after,
      at,
      closed ? 'closed' : (c.forecastCategory ?? 'pipeline'),
      c.expectedCloseDate === '' ? null : c.expectedCloseDate,
      at,
      closed ? at : null,
      closed ? fold.after : null,
      won?.amountMinor ?? null,
      won?.currency ?? null,
    );
    if (moved && !closed) sql.enter.run(event.entityId, fold.after, at);
  },
};
