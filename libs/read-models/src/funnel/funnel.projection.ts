import { type Projection, type SqlStatement, foldOf, type ProjectedEvent } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';

export type FunnelTables = 'deals' | 'moves' | 'leads';

type Sql = Readonly<{
  openDeal: SqlStatement;
  moves: RowBuffer;
  moveDeal: SqlStatement;
  updateDeal: SqlStatement;
  captureLead: SqlStatement;
  updateLead: SqlStatement;
}>;

type OpportunityEvent = Extract<ProjectedEvent, { kind: 'opportunity' }>;
type LeadEvent = Extract<ProjectedEvent, { kind: 'lead' }>;

const FINAL = new Set(['won', 'lost', 'abandoned']);

/**
 * The sales funnel: every opportunity with its stage (the machine's state name), amount, owner, triangle,
 * segment and customer type; every stage move with the time spent in the stage it left; every lead with
 * its source and the first time it was qualified, converted or disqualified.
 */
export const funnelProjection: Projection<FunnelTables, Sql> = {
  name: 'funnel',
  version: 1,
  tables: ['deals', 'moves', 'leads'],
  snapshots: { every: 100_000, appendOnly: { moves: 'position' } },
  streams: ['opportunity', 'lead'],
  folds: ['opportunity', 'lead'],
  schema: (t) => [
    `CREATE TABLE ${t.deals} (
       opportunity_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, lead_id TEXT,
       owner TEXT NOT NULL, ar TEXT, sr TEXT, fr TEXT,
       segment TEXT NOT NULL, customer_type TEXT NOT NULL,
       currency TEXT NOT NULL, amount_minor INTEGER NOT NULL,
       stage TEXT NOT NULL, stage_since TEXT NOT NULL,
       opened_at TEXT NOT NULL, closed_at TEXT, outcome TEXT, position TEXT NOT NULL) WITHOUT ROWID`,
    // Appended in log order; the time spent in a stage is the gap to the deal's previous move (queries).
    `CREATE TABLE ${t.moves} (
       opportunity_id TEXT NOT NULL, position TEXT NOT NULL,
       from_stage TEXT, to_stage TEXT NOT NULL, at TEXT NOT NULL)`,
    `CREATE INDEX ${t.moves}_at ON ${t.moves} (at)`,
    `CREATE TABLE ${t.leads} (
       lead_id TEXT PRIMARY KEY, customer_id TEXT, source TEXT NOT NULL,
       owner TEXT, captured_by TEXT, state TEXT NOT NULL, captured_at TEXT NOT NULL,
       qualified_at TEXT, converted_at TEXT, disqualified_at TEXT, opportunity_id TEXT,
       currency TEXT, estimated_minor INTEGER) WITHOUT ROWID`,
  ],
  prepare: (db, t) => ({
    openDeal: db.prepare(
      `INSERT INTO ${t.deals} (opportunity_id, customer_id, lead_id, owner, segment, customer_type, currency,
         amount_minor, stage, stage_since, opened_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    moves: new RowBuffer(db, t.moves, ['opportunity_id', 'position', 'from_stage', 'to_stage', 'at']),
    moveDeal: db.prepare(
      `UPDATE ${t.deals} SET stage = ?, stage_since = ?, currency = ?, amount_minor = ?, ar = ?, sr = ?, fr = ?,
         closed_at = ?, outcome = ?, position = ? WHERE opportunity_id = ?`,
    ),
    updateDeal: db.prepare(
      `UPDATE ${t.deals} SET currency = ?, amount_minor = ?, ar = ?, sr = ?, fr = ?, position = ?
       WHERE opportunity_id = ?`,
    ),
    captureLead: db.prepare(
      `INSERT INTO ${t.leads} (lead_id, customer_id, source, owner, captured_by, state, captured_at, currency,
         estimated_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateLead: db.prepare(
      `UPDATE ${t.leads} SET state = ?, owner = ?,
         qualified_at = coalesce(qualified_at, ?), converted_at = coalesce(converted_at, ?),
         disqualified_at = coalesce(disqualified_at, ?), opportunity_id = coalesce(opportunity_id, ?)
       WHERE lead_id = ?`,
    ),
  }),
  handle: (event, { sql }) => {
    if (event.kind === 'opportunity') handleOpportunity(event, sql);
    else if (event.kind === 'lead') handleLead(event, sql);
  },
  flush: ({ sql }) => sql.moves.flush(),
  discard: ({ sql }) => sql.moves.discard(),
};

function handleOpportunity(event: OpportunityEvent, sql: Sql): void {
  const fold = foldOf(event);
  if (fold.refused) return;
  const at = event.occurredAt;
  if (event.type === 'OpportunityOpened') {
    const d = event.data;
    sql.openDeal.run(
      event.entityId,
      d.customerId,
      d.leadId,
      d.owner,
      d.segment,
      d.customerType,
      d.amount.currency,
      d.amount.amountMinor,
      fold.after,
      at,
      at,
      event.position,
    );
    sql.moves.add(event.entityId, event.position, null, fold.after, at);
    return;
  }
  const { context, previous } = fold;
  const { amount, triangle } = context;
  if (fold.after === fold.before) {
    if (amount === previous.amount && triangle === previous.triangle) return;
    sql.updateDeal.run(
      amount.currency,
      amount.amountMinor,
      triangle?.AR ?? null,
      triangle?.SR ?? null,
      triangle?.FR ?? null,
      event.position,
      event.entityId,
    );
    return;
  }
  sql.moves.add(event.entityId, event.position, fold.before, fold.after, at);
  const closed = FINAL.has(fold.after);
  sql.moveDeal.run(
    fold.after,
    at,
    amount.currency,
    amount.amountMinor,
    triangle?.AR ?? null,
    triangle?.SR ?? null,
    triangle?.FR ?? null,
    closed ? at : null,
    closed ? fold.after : null,
    event.position,
    event.entityId,
  );
}

function handleLead(event: LeadEvent, sql: Sql): void {
  const fold = foldOf(event);
  if (fold.refused) return;
  const at = event.occurredAt;
  if (event.type === 'LeadCaptured') {
    const d = event.data;
    sql.captureLead.run(
      event.entityId,
      d.customerId,
      d.source,
      fold.context.owner,
      d.capturedBy,
      fold.after,
      at,
      d.estimatedAmount.currency,
      d.estimatedAmount.amountMinor,
    );
    return;
  }
  if (fold.after === fold.before && fold.context.owner === fold.previous.owner) return;
  sql.updateLead.run(
    fold.after,
    fold.context.owner,
    fold.after === 'qualified' ? at : null,
    fold.after === 'converted' ? at : null,
    fold.after === 'disqualified' ? at : null,
    fold.context.opportunityId,
    event.entityId,
  );
}
