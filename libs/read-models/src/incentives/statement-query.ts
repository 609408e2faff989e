import { InvalidValueError } from '@ltc/domain';
import { parsePeriodId } from '@ltc/workflow-incentive-plan';
import { knowsAll, type Known } from './earnings';
import { positionKnownAt, type IncentiveLedger } from './incentive-history';
import { frozenPrefix, openStatements, planStatements, statementTotals, type FrozenPlan } from './statements';
import type { EarningsCache } from './earnings';
import type { IncentiveStatement } from './types';

/** A knowledge bound as the api takes it: an ISO instant, or a log position (digits). */
export function knownAtBound(
  ledger: IncentiveLedger,
  knownAt: string | undefined,
): { known: Known; label: string | null } {
  if (knownAt === undefined || knownAt === '') return { known: knowsAll, label: null };
  if (/^\d+(\/\d+)?$/.test(knownAt)) {
    const position = knownAt.includes('/') ? knownAt : knownAt.padStart(20, '0');
    return { known: (p) => p <= position, label: position };
  }
  const instant = Date.parse(knownAt);
  if (Number.isNaN(instant))
    throw new InvalidValueError('knownAt', `must be an ISO-8601 instant or a log position, got "${knownAt}"`);
  const position = positionKnownAt(ledger, new Date(instant).toISOString());
  return {
    known: position === undefined ? () => false : (p) => p <= position,
    label: new Date(instant).toISOString(),
  };
}

/** The plans a person is (or was) a participant of, in the order they were published. */
export function plansOf(ledger: IncentiveLedger, personId: string): string[] {
  return [...ledger.plans.values()]
    .filter((p) => p.versions.some((v) => v.terms.participants.includes(personId)))
    .map((p) => p.planId);
}

/**
 * What the stored read model settled for a plan: its frozen statements (`FrozenPlan`) and the deals'
 * earnings as last computed. Without it a statement recomputes every close from the ledger.
 */
export type StoredPlan = (
  planId: string,
) => Readonly<{ state: FrozenPlan; cache: EarningsCache }> | undefined;

/**
 * One person's statement for one period of a plan (the person's first plan unless named), as known now or
 * at `knownAt`: frozen once the period closed, live while open; an empty statement when nothing was earned.
 * With the stored plan, a closed period's statement is the stored one and an open one is computed on the
 * stored closes (the same answer as recomputing them).
 */
export function statementOf(
  ledger: IncentiveLedger,
  q: Readonly<{ personId: string; period: string; planId?: string; knownAt?: string }>,
  stored?: StoredPlan,
): IncentiveStatement | undefined {
  const period = parsePeriodId(q.period).id;
  const planId = q.planId ?? plansOf(ledger, q.personId)[0];
  const plan = planId === undefined ? undefined : ledger.plans.get(planId);
  if (plan === undefined || plan.versions.length === 0) return undefined;
  const bound = knownAtBound(ledger, q.knownAt);
  const saved = stored?.(plan.planId);
  const key = `${q.personId}|${period}`;
  const closedThen = saved?.state.closed.get(period);
  let found: IncentiveStatement | undefined;
  if (saved === undefined) found = planStatements(ledger, plan.planId, bound.known).statements.get(key);
  else if (closedThen !== undefined && bound.known(closedThen.position)) found = saved.state.frozen.get(key);
  else if (bound.label === null)
    found = openStatements(ledger, plan, saved.state, bound.known, saved.cache).statements.get(key);
  else
    found = openStatements(ledger, plan, frozenPrefix(saved.state, bound.known), bound.known).statements.get(
      key,
    );
  if (found !== undefined) return { ...found, knownAt: bound.label };
  const close = plan.closes.find((c) => c.period === period && bound.known(c.position));
  return {
    planId: plan.planId,
    personId: q.personId,
    period,
    currency: plan.versions[0]?.terms.currency ?? '',
    status: close === undefined ? 'open' : 'closed',
    frozenAt:
      close === undefined
        ? null
        : { position: close.position, closedBy: close.closedBy, closeEventId: close.eventId },
    knownAt: bound.label,
    lines: [],
    adjustments: [],
    unconverted: [],
    totals: statementTotals([], [], 0),
  };
}
