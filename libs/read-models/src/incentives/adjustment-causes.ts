import { computeEarnings, periodKindOf, personPeriod, type Known } from './earnings';
import type { Deal, IncentiveLedger, PlanLedger } from './incentive-history';
import { periodOf, type PeriodId } from './plan-rates';
import type { CausingEvent, EarningKind } from './types';

/** What an adjustment corrects: one person's figure of one kind (and deal) in one closed period. */
export type CorrectedFigure = Readonly<{
  personId: string;
  period: PeriodId;
  kind: EarningKind;
  dealId: string | null;
}>;

/** A cause of an adjustment and how much it moved the corrected figure when it was recorded. */
export type CauseStep = Readonly<{ event: CausingEvent; deltaMinor: number }>;

export type CauseQuestion = Readonly<{
  figure: CorrectedFigure;
  /** The log position the figure was last settled at (frozen, or forwarded at a later close). */
  since: string;
  /** The figure as settled, and now over the whole ledger as known. */
  beforeMinor: number;
  afterMinor: number;
  /** The input event ids of the figure's lines when settled and now. */
  inputIds: readonly string[];
  known: Known;
}>;

/**
 * The part of the ledger a figure depends on: a deal's figure the deal and the other deals of its
 * customer (whether it is the customer's first win sets the new-customer multiplier); a person's
 * attainment the deals signed (or prospectively changed) in the period on which the person ever held a
 * role (the credit goes to the holders at signing), the person's targets of the period only, and no
 * pool rates (the credit is the signed amount whatever they are).
 */
function scopeOf(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  f: CorrectedFigure,
): { ledger: IncentiveLedger; plan: PlanLedger; deals: Deal[] } {
  let deals: Deal[];
  if (f.dealId !== null) {
    const deal = ledger.deals.get(f.dealId);
    deals =
      deal === undefined ? [] : [...ledger.deals.values()].filter((d) => d.customerId === deal.customerId);
  } else {
    const kind = periodKindOf(plan);
    const inPeriod = (x: { at: string }): boolean => periodOf(kind, x.at) === f.period;
    deals = [...ledger.deals.values()].filter(
      (d) => d.roles.some((r) => r.personId === f.personId) && (inPeriod(d.won) || d.changes.some(inPeriod)),
    );
  }
  const targets =
    f.kind === 'attainment'
      ? plan.targets.filter((t) => t.personId === f.personId && t.period === f.period)
      : [];
  // attainment credits the signed amounts whatever the pool rates: without them no pool is computed
  const versions =
    f.kind === 'attainment'
      ? plan.versions.map((v) => ({
          ...v,
          terms: { ...v.terms, pool: { ...v.terms.pool, signedRateBp: 0, collectedRateBp: 0 } },
        }))
      : plan.versions;
  return {
    ledger: { ...ledger, deals: new Map(deals.map((d) => [d.contractId, d])) },
    plan: { ...plan, versions, targets },
    deals,
  };
}

function figureOf(ledger: IncentiveLedger, plan: PlanLedger, f: CorrectedFigure, known: Known): number {
  const lines = computeEarnings(ledger, plan, known).lines.get(personPeriod(f.personId, f.period)) ?? [];
  return lines
    .filter((l) => l.kind === f.kind && l.dealId === f.dealId)
    .reduce((s, l) => s + l.amountMinor, 0);
}

/** The recomputing walk is bounded: at most this many candidates over at most `WALK_DEALS` deals. */
const WALK_CANDIDATES = 8;
const WALK_DEALS = 16;

/** The figure at the last settle, then as known at each candidate: each candidate where it moved is a step. */
function walk(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  q: CauseQuestion,
  candidates: readonly CausingEvent[],
): { steps: CauseStep[]; lastMinor: number } {
  const at = (position: string): number =>
    figureOf(ledger, plan, q.figure, (p) => p <= position && q.known(p));
  const steps: CauseStep[] = [];
  let previous = at(q.since);
  for (const event of candidates) {
    const now = at(event.position);
    if (now !== previous) steps.push({ event, deltaMinor: now - previous });
    previous = now;
  }
  return { steps, lastMinor: previous };
}

/**
 * The events that changed a closed period's figure since it was last settled, each with the amount it
 * moved the figure by when it was recorded. The candidates are the inputs recorded since: of the figure's
 * lines then and now, the role holders, terminations and customer wins of the deals it depends on, and
 * the plan's retirements. One candidate is the cause. Up to `WALK_CANDIDATES` (over up to `WALK_DEALS`
 * deals), the figure is recomputed as known at each, in log order, and a candidate is a cause when the
 * figure moved there: an input that changed nothing (a triangle assigned before the win, a termination
 * whose clawback lands in its own period) is no cause, and the steps sum to the figure now minus the
 * figure then. Recomputed over the part of the ledger the figure depends on; should that disagree with
 * `afterMinor`, over the whole ledger. Beyond those bounds (a figure with many late inputs, such as an
 * attainment), every candidate is listed and the latest named as the mover.
 */
export function adjustmentCauses(ledger: IncentiveLedger, plan: PlanLedger, q: CauseQuestion): CauseStep[] {
  const scope = scopeOf(ledger, plan, q.figure);
  const ids = new Set(q.inputIds);
  for (const d of scope.deals) {
    ids.add(d.won.eventId);
    for (const x of [...d.roles, ...d.terminations]) ids.add(x.eventId);
  }
  for (const r of plan.retirements) ids.add(r.eventId);
  const candidates: CausingEvent[] = [];
  for (const id of ids) {
    const e = ledger.events.get(id);
    if (e !== undefined && e.position > q.since && q.known(e.position)) candidates.push(e);
  }
  candidates.sort((a, b) => (a.position < b.position ? -1 : 1));
  const delta = q.afterMinor - q.beforeMinor;
  const last = candidates[candidates.length - 1];
  if (last === undefined) return [];
  if (candidates.length === 1) return [{ event: last, deltaMinor: delta }];
  if (candidates.length <= WALK_CANDIDATES && scope.deals.length <= WALK_DEALS) {
    const quick = walk(scope.ledger, scope.plan, q, candidates);
    if (quick.lastMinor === q.afterMinor) return quick.steps;
    return walk(ledger, plan, q, candidates).steps;
  }
  // Too many to recompute at each: every input recorded since (a termination only where it claws back or
  // removes credit), the latest taken as the one that moved the figure.
  const kept = candidates.filter(
    (e) => e.type !== 'ContractTerminated' || q.figure.kind === 'clawback' || q.figure.kind === 'attainment',
  );
  return kept.map((event, i) => ({ event, deltaMinor: i === kept.length - 1 ? delta : 0 }));
}
