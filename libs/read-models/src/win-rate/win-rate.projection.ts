import { type Projection, type SqlStatement, foldOf } from '@ltc/projections';

export type WinRateTables = 'closed';

type Sql = Readonly<{ close: SqlStatement }>;

/**
 * Every ended opportunity with how it ended: won (signed amount), lost (reason, competitor, stage) or
 * abandoned (reason, stage), and who and what it was about when it ended (owner, triangle, segment,
 * customer type, amount). Abandoned deals are kept apart: they never count as lost.
 */
export const winRateProjection: Projection<WinRateTables, Sql> = {
  name: 'win-rate',
  version: 1,
  tables: ['closed'],
  snapshots: { every: 100_000, appendOnly: { closed: 'position' } },
  streams: ['opportunity'],
  folds: ['opportunity'],
  schema: (t) => [
    `CREATE TABLE ${t.closed} (
       opportunity_id TEXT PRIMARY KEY, outcome TEXT NOT NULL CHECK (outcome IN ('won', 'lost', 'abandoned')),
       closed_at TEXT NOT NULL, position TEXT NOT NULL,
       owner TEXT NOT NULL, ar TEXT, sr TEXT, fr TEXT,
       segment TEXT NOT NULL, customer_type TEXT NOT NULL,
       currency TEXT NOT NULL, amount_minor INTEGER NOT NULL,
       stage TEXT, reason TEXT, competitor TEXT) WITHOUT ROWID`,
    `CREATE INDEX ${t.closed}_closed_at ON ${t.closed} (closed_at)`,
  ],
  prepare: (db, t) => ({
    close: db.prepare(
      `INSERT INTO ${t.closed} (opportunity_id, outcome, closed_at, position, owner, ar, sr, fr, segment,
         customer_type, currency, amount_minor, stage, reason, competitor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }),
  handle: (event, { sql }) => {
    if (event.kind !== 'opportunity') return;
    if (
      event.type !== 'OpportunityWon' &&
      event.type !== 'OpportunityLost' &&
      event.type !== 'OpportunityAbandoned'
    ) {
      return;
    }
    const fold = foldOf(event);
    if (fold.refused) return;
    const c = fold.context;
    const base = [
      event.entityId,
      fold.after,
      event.occurredAt,
      event.position,
      c.owner,
      c.triangle?.AR ?? null,
      c.triangle?.SR ?? null,
      c.triangle?.FR ?? null,
      c.segment,
      c.customerType,
    ];
    switch (event.type) {
      case 'OpportunityWon':
        return void sql.close.run(
          ...base,
          event.data.signedAmount.currency,
          event.data.signedAmount.amountMinor,
          fold.before,
          null,
          null,
        );
      case 'OpportunityLost':
        return void sql.close.run(
          ...base,
          c.amount.currency,
          c.amount.amountMinor,
          event.data.stage,
          event.data.reason,
          event.data.competitor,
        );
      case 'OpportunityAbandoned':
        return void sql.close.run(
          ...base,
          c.amount.currency,
          c.amount.amountMinor,
          event.data.stage,
          event.data.reason,
          null,
        );
    }
  },
};
