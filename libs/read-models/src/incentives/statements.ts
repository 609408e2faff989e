import type { IncentiveLedger, PlanLedger } from './incentive-history';
import {
  computeEarnings,
  knowsAll,
  type EarningsCache,
  personPeriod,
  periodKindOf,
  termsFor,
  type Earnings,
  type Known,
} from './earnings';
import { comparePeriods, nextPeriod, periodOf, type PeriodId } from './plan-rates';
import { adjustmentCauses } from './adjustment-causes';
import { adjustmentReason } from './adjustment-reason';
import type { AdjustmentLine, EarningKind, EarningLine, IncentiveStatement, StatementTotals } from './types';

/** What was paid so far for one person × period × kind × deal: frozen, then each forwarded adjustment. */
type Settled = { amountMinor: number; position: string; eventIds: Set<string> };

const adjustmentKey = (
  personId: string,
  period: PeriodId,
  kind: EarningKind,
  dealId: string | null,
): string => `${personId}|${period}|${kind}|${dealId ?? '-'}`;

/** Every statement of one plan as known at a bound: closed periods frozen, open ones live. */
export type PlanStatements = Readonly<{
  planId: string;
  /** `person|period` -> statement, for every person with anything in a period. */
  statements: Map<string, IncentiveStatement>;
  /** The earnings recomputed from everything known (what conservation compares with). */
  live: Earnings;
}>;

type Freeze = Readonly<{ position: string; closedBy: string; eventId: string }>;

/**
 * What the closes of a plan settled so far, in log order: the frozen statements, the periods closed and
 * what was paid per person × period × kind × deal (frozen, then each forwarded adjustment). Built close by
 * close (`freezeClose`), or again from stored frozen statements (`settleFrozen`): the same state.
 */
export type FrozenPlan = {
  readonly settled: Map<string, Settled>;
  readonly closed: Map<PeriodId, Freeze>;
  readonly frozen: Map<string, IncentiveStatement>;
};

export function emptyFrozenPlan(): FrozenPlan {
  return { settled: new Map(), closed: new Map(), frozen: new Map() };
}

/**
 * Forwarding retro. Each IncentivePeriodClosed freezes the statements of its period as computed from
 * every event before it; a later change to a frozen period is an adjustment in the earliest period after
 * it that is still open: delta = recomputed − (frozen + adjustments already forwarded).
 */
export function planStatements(
  ledger: IncentiveLedger,
  planId: string,
  known: Known = knowsAll,
): PlanStatements {
  const plan = ledger.plans.get(planId);
  const empty = { planId, statements: new Map(), live: { lines: new Map(), unconverted: new Map() } };
  if (plan === undefined || plan.versions.length === 0) return empty;
  const state = emptyFrozenPlan();
  for (const close of plan.closes) {
    if (!known(close.position)) continue;
    freezeClose(ledger, plan, state, close, (p) => p < close.position && known(p));
  }
  return openStatements(ledger, plan, state, known);
}

/**
 * Freezes one close into the state (nothing if its period is already closed): the period's statements as
 * computed from what `before` knows (the log before the close), returned. With a `cache` (valid when
 * `before` knows every fact of the ledger), only the deals changed since the last close are recomputed.
 */
export function freezeClose(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  state: FrozenPlan,
  close: Readonly<{ period: PeriodId; position: string; closedBy: string; eventId: string }>,
  before: Known,
  cache?: EarningsCache,
): IncentiveStatement[] {
  if (state.closed.has(close.period)) return [];
  const earnings = computeEarnings(ledger, plan, before, cache);
  const freeze = { position: close.position, closedBy: close.closedBy, eventId: close.eventId };
  const { settled, closed, frozen } = state;
  const built = buildPeriod(ledger, plan, earnings, settled, closed, frozen, close.period, freeze, before);
  for (const s of built) settleFrozen(state, s);
  closed.set(close.period, freeze);
  return built;
}

/**
 * Records one frozen statement in the state, as its close did: its lines paid, its adjustments forwarded.
 * Stored statements settled in their closes' order (by person within a close) rebuild the state exactly.
 */
export function settleFrozen(state: FrozenPlan, s: IncentiveStatement): void {
  const position = s.frozenAt?.position ?? '';
  state.frozen.set(personPeriod(s.personId, s.period), s);
  for (const l of s.lines) settle(state.settled, l, l.amountMinor, position, l.eventIds);
  for (const a of s.adjustments) {
    const k = adjustmentKey(a.personId, a.corrects.period, a.corrects.kind, a.corrects.dealId);
    const prev = state.settled.get(k);
    state.settled.set(k, {
      amountMinor: (prev?.amountMinor ?? 0) + a.deltaMinor,
      position,
      eventIds: new Set([...(prev?.eventIds ?? []), ...a.causes.map((c) => c.id)]),
    });
  }
}

/**
 * The state as it stood at a knowledge bound: only the closes it knows, settled again in their order from
 * the frozen statements (a frozen statement is what its close computed: the same state as replaying).
 */
export function frozenPrefix(state: FrozenPlan, known: Known): FrozenPlan {
  const prefix = emptyFrozenPlan();
  const closes = [...state.closed].sort(([, a], [, b]) => (a.position < b.position ? -1 : 1));
  const byClose = new Map<string, IncentiveStatement[]>();
  for (const s of state.frozen.values()) {
    const at = s.frozenAt?.position ?? '';
    byClose.set(at, [...(byClose.get(at) ?? []), s]);
  }
  for (const [period, freeze] of closes) {
    if (!known(freeze.position)) continue;
    const frozen = (byClose.get(freeze.position) ?? []).sort((a, b) => (a.personId < b.personId ? -1 : 1));
    for (const s of frozen) settleFrozen(prefix, s);
    settleClose(prefix, period, freeze);
  }
  return prefix;
}

/** Marks a period closed in a state rebuilt from stored statements (a close may freeze no statement). */
export function settleClose(state: FrozenPlan, period: PeriodId, freeze: Freeze): void {
  state.closed.set(period, freeze);
}

/**
 * The frozen statements of the state, and every open period's live statement as known at the bound (a
 * `cache` only with a bound that knows the whole ledger).
 */
export function openStatements(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  state: FrozenPlan,
  known: Known = knowsAll,
  cache?: EarningsCache,
): PlanStatements {
  const { settled, closed, frozen } = state;
  const live = computeEarnings(ledger, plan, known, cache);
  const statements = new Map(frozen);
  for (const period of openPeriods(plan, live, settled, closed, known)) {
    for (const s of buildPeriod(ledger, plan, live, settled, closed, statements, period, null, known)) {
      statements.set(personPeriod(s.personId, s.period), s);
    }
  }
  return { planId: plan.planId, statements, live };
}

function settle(
  settled: Map<string, Settled>,
  l: EarningLine,
  amount: number,
  position: string,
  ids: readonly string[],
): void {
  const k = adjustmentKey(l.personId, l.period, l.kind, l.dealId);
  const prev = settled.get(k);
  settled.set(k, {
    amountMinor: (prev?.amountMinor ?? 0) + amount,
    position,
    eventIds: new Set([...(prev?.eventIds ?? []), ...ids]),
  });
}

/** The open periods that have a line, an adjustment due, or lie between the plan's first period and those. */
function openPeriods(
  plan: PlanLedger,
  live: Earnings,
  settled: Map<string, Settled>,
  closed: Map<PeriodId, unknown>,
  known: Known,
): PeriodId[] {
  const wanted = new Set<PeriodId>();
  for (const key of live.lines.keys()) {
    // a line of a closed period is paid (as an adjustment) where its changes are forwarded
    const period = key.slice(key.indexOf('|') + 1);
    wanted.add(closed.has(period) ? forwardTarget(period, closed) : period);
  }
  for (const key of live.unconverted.keys()) wanted.add(key.slice(key.indexOf('|') + 1));
  for (const key of settled.keys()) wanted.add(forwardTarget(key.split('|')[1] ?? '', closed));
  for (const o of plan.opened) if (known(o.position)) wanted.add(o.period);
  return [...wanted].filter((p) => !closed.has(p)).sort(comparePeriods);
}

/** The earliest period after `period` that is not closed: where a change to `period` is paid. */
function forwardTarget(period: PeriodId, closed: Map<PeriodId, unknown>): PeriodId {
  let p = nextPeriod(period);
  while (closed.has(p)) p = nextPeriod(p);
  return p;
}

function buildPeriod(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  earnings: Earnings,
  settled: Map<string, Settled>,
  closed: Map<PeriodId, { position: string }>,
  statements: Map<string, IncentiveStatement>,
  period: PeriodId,
  freeze: { position: string; closedBy: string; eventId: string } | null,
  known: Known,
): IncentiveStatement[] {
  const persons = new Set<string>();
  for (const key of [...earnings.lines.keys(), ...earnings.unconverted.keys()]) {
    const [personId, p] = key.split('|');
    if (p === period && personId !== undefined) persons.add(personId);
  }
  // adjustments due into this period: every settled or recomputed key of a closed period forwarded here
  const due = new Map<
    string,
    { personId: string; period: PeriodId; kind: EarningKind; dealId: string | null; lines: EarningLine[] }
  >();
  const consider = (personId: string, p: PeriodId, kind: EarningKind, dealId: string | null): void => {
    if (!closed.has(p) || forwardTarget(p, closed) !== period) return;
    const k = adjustmentKey(personId, p, kind, dealId);
    if (!due.has(k)) due.set(k, { personId, period: p, kind, dealId, lines: [] });
  };
  for (const k of settled.keys()) {
    const [personId, p, kind, deal] = k.split('|') as [string, PeriodId, EarningKind, string];
    consider(personId, p, kind, deal === '-' ? null : deal);
  }
  for (const lines of earnings.lines.values()) {
    for (const l of lines) {
      consider(l.personId, l.period, l.kind, l.dealId);
      due.get(adjustmentKey(l.personId, l.period, l.kind, l.dealId))?.lines.push(l);
    }
  }
  const adjustments = new Map<string, AdjustmentLine[]>();
  for (const [k, d] of due) {
    const before = settled.get(k);
    const after = d.lines.reduce((s, l) => s + l.amountMinor, 0);
    const delta = after - (before?.amountMinor ?? 0);
    if (delta === 0) continue;
    const steps = adjustmentCauses(ledger, plan, {
      figure: { personId: d.personId, period: d.period, kind: d.kind, dealId: d.dealId },
      since: before?.position ?? closed.get(d.period)?.position ?? '',
      beforeMinor: before?.amountMinor ?? 0,
      afterMinor: after,
      inputIds: [...(before?.eventIds ?? []), ...d.lines.flatMap((l) => l.eventIds)],
      known,
    });
    const causes = steps.map((c) => c.event);
    persons.add(d.personId);
    const list = adjustments.get(d.personId) ?? [];
    list.push({
      lineId: `adjustment:${d.period}:${d.kind}:${d.dealId ?? '-'}`,
      kind: 'adjustment',
      personId: d.personId,
      period,
      dealId: d.dealId,
      amountMinor: delta,
      corrects: { period: d.period, kind: d.kind, dealId: d.dealId },
      beforeMinor: before?.amountMinor ?? 0,
      afterMinor: after,
      deltaMinor: delta,
      causes,
      reason: adjustmentReason(d.kind, d.period, steps, ledger),
    });
    adjustments.set(d.personId, list);
  }
  const terms = termsFor(plan, period, known) ?? { terms: plan.versions[0]!.terms };
  const out: IncentiveStatement[] = [];
  for (const personId of [...persons].sort()) {
    const lines = [...(earnings.lines.get(personPeriod(personId, period)) ?? [])].sort(byLineId);
    const adj = [...(adjustments.get(personId) ?? [])].sort(byLineId);
    const carriedInMinor = carriedInto(plan, statements, personId, period);
    out.push({
      planId: plan.planId,
      personId,
      period,
      currency: terms.terms.currency,
      status: freeze === null ? 'open' : 'closed',
      frozenAt:
        freeze === null
          ? null
          : { position: freeze.position, closedBy: freeze.closedBy, closeEventId: freeze.eventId },
      knownAt: null,
      lines,
      adjustments: adj,
      unconverted: earnings.unconverted.get(personPeriod(personId, period)) ?? [],
      totals: statementTotals(lines, adj, carriedInMinor),
    });
  }
  return out;
}

const byLineId = (a: { lineId: string }, b: { lineId: string }): number =>
  a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0;

/** The negative balance of the latest earlier statement of the person (periods without one pass it on). */
function carriedInto(
  plan: PlanLedger,
  statements: Map<string, IncentiveStatement>,
  personId: string,
  period: PeriodId,
): number {
  let latest: IncentiveStatement | undefined;
  for (const s of statements.values()) {
    if (
      s.personId === personId &&
      comparePeriods(s.period, period) < 0 &&
      (latest === undefined || comparePeriods(s.period, latest.period) > 0)
    ) {
      latest = s;
    }
  }
  void plan;
  return latest?.totals.carriedOutMinor ?? 0;
}

export function statementTotals(
  lines: readonly EarningLine[],
  adjustments: readonly AdjustmentLine[],
  carriedInMinor: number,
): StatementTotals {
  const earnedMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
  const adjustmentsMinor = adjustments.reduce((s, a) => s + a.deltaMinor, 0);
  const periodTotalMinor = earnedMinor + adjustmentsMinor;
  const balance = periodTotalMinor + carriedInMinor;
  return {
    earnedMinor,
    adjustmentsMinor,
    periodTotalMinor,
    carriedInMinor,
    payableMinor: balance > 0 ? balance : 0,
    carriedOutMinor: balance < 0 ? balance : 0,
  };
}

/** The period of an instant in a plan's calendar. */
export function planPeriodOf(plan: PlanLedger, instant: string): PeriodId {
  return periodOf(periodKindOf(plan), instant);
}
