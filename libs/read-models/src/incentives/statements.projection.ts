import type { Database } from 'better-sqlite3';
import type { Position } from '@ltc/event-store';
import type { ProjectedEvent, Projection, TableNames } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';
import { knowsAll, type EarningsCache } from './earnings';
import { LedgerFolder, type HistoryEvent } from './incentive-history';
import { emptyFrozenPlan, freezeClose, settleClose, settleFrozen, type FrozenPlan } from './statements';
import type { IncentiveStatement } from './types';

export type IncentiveTables = 'facts' | 'closes' | 'statements';

type Sql = Readonly<{ facts: RowBuffer; closes: RowBuffer; statements: RowBuffer }>;

/**
 * What the projection folded so far: the calculator's ledger of every fact before the checkpoint, and per
 * plan what its closes settled (the frozen statements) with the deals' earnings as last computed.
 */
export type IncentiveMemory = {
  readonly folder: LedgerFolder;
  readonly plans: Map<string, { readonly state: FrozenPlan; readonly cache: EarningsCache }>;
};

export function emptyIncentiveMemory(): IncentiveMemory {
  return { folder: new LedgerFolder(), plans: new Map() };
}

/** The settled state and earnings cache of one plan in the memory (empty the first time). */
export function planMemory(memory: IncentiveMemory, planId: string) {
  let plan = memory.plans.get(planId);
  if (plan === undefined) {
    plan = { state: emptyFrozenPlan(), cache: new Map() };
    memory.plans.set(planId, plan);
  }
  return plan;
}

/**
 * Folds one event (in log order) into the memory. At an `IncentivePeriodClosed` the period's statements
 * are frozen from the ledger as it stands (exactly the log before the close), incrementally: the earlier
 * closes are settled already and only the deals changed since are recomputed. `used` is false for an
 * event the calculator does not read; `frozen` is null unless the event froze a period.
 */
export function foldIncentiveEvent(
  memory: IncentiveMemory,
  e: HistoryEvent,
): { used: boolean; frozen: IncentiveStatement[] | null } {
  if (!memory.folder.apply(e)) return { used: false, frozen: null };
  if (e.type !== 'IncentivePeriodClosed') return { used: true, frozen: null };
  const ledger = memory.folder.ledger;
  const plan = ledger.plans.get(String((e.data as { planId: unknown }).planId));
  const close = plan?.closes.at(-1);
  if (plan === undefined || close === undefined) return { used: true, frozen: null };
  const { state, cache } = planMemory(memory, plan.planId);
  // A period is frozen once, at its first close (the machine refuses a second one).
  if (state.closed.has(close.period)) return { used: true, frozen: null };
  if (plan.versions.length === 0) {
    settleClose(state, close.period, freezeOf(close));
    return { used: true, frozen: [] };
  }
  return { used: true, frozen: freezeClose(ledger, plan, state, close, knowsAll, cache) };
}

const freezeOf = (c: { position: string; closedBy: string; eventId: string }) => ({
  position: c.position,
  closedBy: c.closedBy,
  eventId: c.eventId,
});

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

/**
 * The memory as of a position (everything stored when `upTo` is undefined): the ledger folded from the
 * stored facts, and each plan's closes settled from its stored frozen statements, in close order.
 */
export function loadIncentiveMemory(
  db: Database,
  t: TableNames<IncentiveTables>,
  upTo?: Position | null,
): IncentiveMemory {
  const memory = emptyIncentiveMemory();
  if (upTo !== null) readIncentiveRows(memory, db, t, null, upTo ?? '~');
  return memory;
}

/** Folds the rows stored after `after` up to `upTo` into the memory: facts, then closes with their statements. */
export function readIncentiveRows(
  memory: IncentiveMemory,
  db: Database,
  t: TableNames<IncentiveTables>,
  after: string | null,
  upTo: string,
): void {
  const from = after ?? '';
  const facts = db
    .prepare<[string, string], string>(
      `SELECT event FROM ${t.facts} WHERE position > ? AND position <= ? ORDER BY position`,
    )
    .pluck()
    .iterate(from, upTo);
  for (const json of facts) memory.folder.apply(JSON.parse(json) as HistoryEvent);
  type Close = { plan_id: string; period: string; position: string; closed_by: string; event_id: string };
  const closes = db
    .prepare<[string, string], Close>(
      `SELECT * FROM ${t.closes} WHERE position > ? AND position <= ? ORDER BY position`,
    )
    .all(from, upTo);
  const statements = db
    .prepare<[string, string], { position: string; statement: string }>(
      `SELECT position, statement FROM ${t.statements} WHERE position > ? AND position <= ?
       ORDER BY position, person_id`,
    )
    .all(from, upTo);
  let next = 0;
  for (const c of closes) {
    const { state } = planMemory(memory, c.plan_id);
    for (; next < statements.length && statements[next]!.position === c.position; next++) {
      settleFrozen(state, JSON.parse(statements[next]!.statement) as IncentiveStatement);
    }
    settleClose(state, c.period, { position: c.position, closedBy: c.closed_by, eventId: c.event_id });
  }
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
    const { used, frozen } = foldIncentiveEvent(memory, e);
    if (!used) return;
    sql.facts.add(e.position, JSON.stringify(e));
    if (frozen === null) return;
    const { planId, period, closedBy } = e.data as { planId: string; period: string; closedBy: string };
    sql.closes.add(planId, period, e.position, closedBy, e.id);
    for (const s of frozen) sql.statements.add(planId, period, s.personId, e.position, JSON.stringify(s));
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
