import type { OpenReadModel } from '@ltc/projections';
import { dealWhere, periodWhere, type Period } from '../shared/deal-filter';
import type { GateDecisionTables } from './gate-decisions.projection';

export type GateDecisionQuery = Readonly<{
  streamId?: string;
  gate?: string;
  outcome?: 'open' | 'passed' | 'rejected' | 'discarded';
  /** Rounds this user voted in. */
  voter?: string;
  /** Rounds requested in this period. */
  period?: Period;
  visibleTo?: readonly string[];
  limit?: number;
  offset?: number;
}>;

export type GateVoteView = Readonly<{
  role: string;
  voter: string;
  decision: string;
  reason: string;
  at: string;
}>;

export type GateRoundView = Readonly<{
  streamId: string;
  gate: string;
  round: number;
  /** The policy recorded when the round opened: required roles and what a rejection does. */
  policy: unknown;
  requestedAt: string;
  requestedBy: string;
  votes: readonly GateVoteView[];
  outcome: string;
  decidedAt: string | null;
  reasons: unknown;
  position: string;
}>;

export type GateDecisionPage = Readonly<{ rounds: readonly GateRoundView[]; total: number }>;

type Row = {
  stream_id: string;
  gate: string;
  round: number;
  policy: string;
  requested_at: string;
  requested_by: string;
  position: string;
  outcome: string;
  decided_at: string | null;
  reasons: string | null;
};

type VoteRow = GateVoteView & Readonly<{ stream_id: string; gate: string; round: number }>;

export function gateDecisions(
  model: OpenReadModel<GateDecisionTables>,
  query: GateDecisionQuery,
): GateDecisionPage {
  const { db, t } = model;
  const visible = dealWhere(query.visibleTo === undefined ? {} : { visibleTo: query.visibleTo });
  const when = periodWhere('requested_at', query.period);
  const clauses = [visible.sql, when.sql];
  const params = [...visible.params, ...when.params];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('stream_id', query.streamId);
  equal('gate', query.gate);
  equal('outcome', query.outcome);
  if (query.voter !== undefined) {
    clauses.push(
      `EXISTS (SELECT 1 FROM ${t.votes} v WHERE v.stream_id = r.stream_id AND v.gate = r.gate
         AND v.round = r.round AND v.voter = ?)`,
    );
    params.push(query.voter);
  }
  const where = clauses.join(' AND ');
  const total = db
    .prepare<unknown[], number>(`SELECT count(*) FROM ${t.rounds} r WHERE ${where}`)
    .pluck()
    .get(...params);
  const rows = db
    .prepare<unknown[], Row>(
      `SELECT * FROM ${t.rounds} r WHERE ${where} ORDER BY requested_at DESC, stream_id, gate, round DESC
       LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit ?? 100, query.offset ?? 0);
  // The votes of the page's rounds in one pass, in the order they were cast.
  const streams = [...new Set(rows.map((r) => r.stream_id))];
  const votes = new Map<string, GateVoteView[]>();
  if (streams.length > 0) {
    const found = db
      .prepare<unknown[], VoteRow>(
        `SELECT stream_id, gate, round, role, voter, decision, reason, at FROM ${t.votes}
         WHERE stream_id IN (${streams.map(() => '?').join(', ')}) ORDER BY position`,
      )
      .all(...streams);
    for (const { stream_id, gate, round, ...vote } of found) {
      const key = `${stream_id} ${gate} ${round}`;
      votes.set(key, [...(votes.get(key) ?? []), vote]);
    }
  }
  return {
    total: total ?? 0,
    rounds: rows.map((r) => ({
      streamId: r.stream_id,
      gate: r.gate,
      round: r.round,
      policy: JSON.parse(r.policy) as unknown,
      requestedAt: r.requested_at,
      requestedBy: r.requested_by,
      votes: votes.get(`${r.stream_id} ${r.gate} ${r.round}`) ?? [],
      outcome: r.outcome,
      decidedAt: r.decided_at,
      reasons: r.reasons === null ? null : (JSON.parse(r.reasons) as unknown),
      position: r.position,
    })),
  };
}
