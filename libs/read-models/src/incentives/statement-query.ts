import { InvalidValueError } from '@ltc/domain';
import { parsePeriodId } from '@ltc/workflow-incentive-plan';
import { knowsAll, type Known } from './earnings';
import { positionKnownAt, type IncentiveLedger } from './incentive-history';
import { statementTotals, planStatements } from './statements';
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
 * One person's statement for one period of a plan (the person's first plan unless named), as known now or
 * at `knownAt`: frozen once the period closed, live while open; an empty statement when nothing was earned.
 */
export function statementOf(
  ledger: IncentiveLedger,
  q: Readonly<{ personId: string; period: string; planId?: string; knownAt?: string }>,
): IncentiveStatement | undefined {
  const period = parsePeriodId(q.period).id;
  const planId = q.planId ?? plansOf(ledger, q.personId)[0];
  const plan = planId === undefined ? undefined : ledger.plans.get(planId);
  if (plan === undefined || plan.versions.length === 0) return undefined;
  const bound = knownAtBound(ledger, q.knownAt);
  const all = planStatements(ledger, plan.planId, bound.known);
  const found = all.statements.get(`${q.personId}|${period}`);
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
