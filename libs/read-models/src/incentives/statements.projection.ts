import type { Database } from 'better-sqlite3';
import type { Position } from '@ltc/event-store';
import type { ProjectedEvent, Projection, TableNames } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';
import { LedgerFolder, type HistoryEvent } from './incentive-history';
import { planStatements } from './statements';

export type IncentiveTables = 'facts' | 'closes' | 'statements';

type Sql = Readonly<{ facts: RowBuffer; closes: RowBuffer; statements: RowBuffer }>;

/** What the projection folded so far: the calculator's ledger of every fact before the checkpoint. */
export type IncentiveMemory = { readonly folder: LedgerFolder };

/** An event as the calculator reads it, from the runner's projected event (upcast, both times). */
export function historyEventOfProjected(event: ProjectedEvent): HistoryEvent {
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    position: event.position,
    actor: String(event.metadata.actor),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    data: event.data,
  };
}

/** The ledger folded from the stored facts up to a position (all of them when `upTo` is undefined). */
export function loadIncentiveMemory(
  db: Database,
  t: TableNames<IncentiveTables>,
  upTo?: Position | null,
): IncentiveMemory {
  const folder = new LedgerFolder();
  if (upTo === null) return { folder };
  const rows = db
    .prepare<[string], string>(`SELECT event FROM ${t.facts} WHERE position <= ? ORDER BY position`)
    .pluck()
    .iterate(upTo ?? '~');
  for (const json of rows) folder.apply(JSON.parse(json) as HistoryEvent);
  return { folder };
}

/**
 * The incentive statements, stored (issue 13): every fact of the calculator's ledger (the deal, plan and
 * period events it reads, with both times and their log position), and at each `IncentivePeriodClosed` the
 * statements of that period frozen as the calculator computes them from everything before the close.
 * A closed period's rows are written once and never change; open periods and `knownAt` answers are
 * computed from the stored ledger by the same pure calculator (`statements.ts`).
 */
export const incentiveStatementsProjection: Projection<IncentiveTables, Sql, IncentiveMemory> = {
  name: 'incentive-statements',
  version: 1,
  tables: ['facts', 'closes', 'statements'],
  streams: ['opportunity', 'contract', 'incentive-plan', 'incentive-period'],
  folds: [],
  schema: (t) => [
    `CREATE TABLE ${t.facts} (position TEXT PRIMARY KEY, event TEXT NOT NULL) WITHOUT ROWID`,
    `CREATE TABLE ${t.closes} (
       plan_id TEXT NOT NULL, period TEXT NOT NULL, position TEXT NOT NULL, closed_by TEXT NOT NULL,
       event_id TEXT NOT NULL, PRIMARY KEY (plan_id, period)) WITHOUT ROWID`,
    `CREATE TABLE ${t.statements} (
       plan_id TEXT NOT NULL, period TEXT NOT NULL, person_id TEXT NOT NULL, position TEXT NOT NULL,
       statement TEXT NOT NULL, PRIMARY KEY (plan_id, period, person_id)) WITHOUT ROWID`,
  ],
  prepare: (db, t) => ({
    facts: new RowBuffer(db, t.facts, ['position', 'event']),
    closes: new RowBuffer(db, t.closes, ['plan_id', 'period', 'position', 'closed_by', 'event_id']),
    statements: new RowBuffer(db, t.statements, ['plan_id', 'period', 'person_id', 'position', 'statement']),
  }),
  memory: { load: loadIncentiveMemory },
  handle: (event, { sql, memory }) => {
    const e = historyEventOfProjected(event);
    if (!memory.folder.apply(e)) return;
    sql.facts.add(e.position, JSON.stringify(e));
    if (e.type !== 'IncentivePeriodClosed') return;
    const ledger = memory.folder.ledger;
    const { planId, period, closedBy } = e.data as { planId: string; period: string; closedBy: string };
    const plan = ledger.plans.get(planId);
    // A period is frozen once, at its first close (the machine refuses a second one).
    if (plan === undefined || plan.closes.find((c) => c.period === period) !== plan.closes.at(-1)) return;
    sql.closes.add(planId, period, e.position, closedBy, e.id);
    for (const s of planStatements(ledger, planId).statements.values()) {
      if (s.period === period && s.status === 'closed') {
        sql.statements.add(planId, period, s.personId, e.position, JSON.stringify(s));
      }
    }
  },
  flush: ({ sql }) => {
    sql.facts.flush();
    sql.closes.flush();
    sql.statements.flush();
  },
  discard: ({ sql }) => {
    sql.facts.discard();
    sql.closes.discard();
    sql.statements.discard();
  },
};
