import { type Projection, type SqlStatement, foldOf, type ProjectedEvent } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';

export type GateDecisionTables = 'rounds' | 'votes';

type Sql = Readonly<{
  open: SqlStatement;
  votes: RowBuffer;
  decide: SqlStatement;
  discard: SqlStatement;
}>;

type DealEvent = Extract<ProjectedEvent, { kind: 'opportunity' | 'contract' }>;

/**
 * Every round of every review gate on deals and contracts: the policy in force when it opened (who must
 * approve, what one rejection does), each vote with its reason and time, and the outcome.
 */
export const gateDecisionsProjection: Projection<GateDecisionTables, Sql> = {
  name: 'gate-decisions',
  version: 1,
  tables: ['rounds', 'votes'],
  streams: ['opportunity', 'contract'],
  folds: ['opportunity', 'contract'],
  schema: (t) => [
    `CREATE TABLE ${t.rounds} (
       stream_id TEXT NOT NULL, gate TEXT NOT NULL, round INTEGER NOT NULL,
       policy TEXT NOT NULL, requested_at TEXT NOT NULL, requested_by TEXT NOT NULL, position TEXT NOT NULL,
       outcome TEXT NOT NULL, decided_at TEXT, reasons TEXT,
       owner TEXT, ar TEXT, sr TEXT, fr TEXT,
       PRIMARY KEY (stream_id, gate, round)) WITHOUT ROWID`,
    `CREATE INDEX ${t.rounds}_requested_at ON ${t.rounds} (requested_at)`,
    // One row per vote, appended in log order: a vote never rewrites its round.
    `CREATE TABLE ${t.votes} (
       stream_id TEXT NOT NULL, gate TEXT NOT NULL, round INTEGER NOT NULL, position TEXT NOT NULL,
       role TEXT NOT NULL, voter TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)`,
  ],
  prepare: (db, t) => ({
    open: db.prepare(
      `INSERT INTO ${t.rounds} (stream_id, gate, round, policy, requested_at, requested_by, position,
         outcome, owner, ar, sr, fr) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    ),
    votes: new RowBuffer(db, t.votes, [
      'stream_id',
      'gate',
      'round',
      'position',
      'role',
      'voter',
      'decision',
      'reason',
      'at',
    ]),
    decide: db.prepare(
      `UPDATE ${t.rounds} SET outcome = ?, decided_at = ?, reasons = ? WHERE stream_id = ? AND gate = ? AND round = ?`,
    ),
    discard: db.prepare(
      `UPDATE ${t.rounds} SET outcome = 'discarded', decided_at = ?, reasons = ? WHERE stream_id = ? AND outcome = 'open'`,
    ),
  }),
  handle: (event, { sql }) => {
    if (event.kind === 'opportunity' || event.kind === 'contract') handleDeal(event, sql);
  },
  flush: ({ sql }) => sql.votes.flush(),
  discard: ({ sql }) => sql.votes.discard(),
};

function handleDeal(event: DealEvent, sql: Sql): void {
  const fold = foldOf(event);
  if (fold.refused) return;
  const at = event.occurredAt;
  switch (event.type) {
    case 'GateReviewRequested': {
      const { gate, round, policy } = event.data;
      const owner = event.kind === 'opportunity' ? event.fold?.context.owner : null;
      const triangle = fold.context.triangle;
      sql.open.run(
        event.streamId,
        gate,
        round,
        JSON.stringify(policy),
        at,
        event.metadata.actor,
        event.position,
        owner ?? null,
        triangle?.AR ?? null,
        triangle?.SR ?? null,
        triangle?.FR ?? null,
      );
      return;
    }
    case 'GateVoteCast': {
      const { gate, round, role, voter, decision, reason } = event.data;
      sql.votes.add(event.streamId, gate, round, event.position, role, voter, decision, reason, at);
      return;
    }
    case 'GatePassed':
      sql.decide.run('passed', at, '[]', event.streamId, event.data.gate, event.data.round);
      return;
    case 'GateRejected':
      sql.decide.run(
        'rejected',
        at,
        JSON.stringify(event.data.reasons),
        event.streamId,
        event.data.gate,
        event.data.round,
      );
      return;
    default:
      // The machine dropped an open round without a decision (the deal was abandoned or terminated).
      if (fold.previous.gates.open !== null && fold.context.gates.open === null) {
        sql.discard.run(at, JSON.stringify([{ reason: event.type }]), event.streamId);
      }
  }
}
