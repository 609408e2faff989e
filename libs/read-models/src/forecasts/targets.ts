import type { Money } from '@ltc/domain';
import type { KnownAt } from '@ltc/projections';
import type { TeamSpell } from '@ltc/workflow-person';
import { horizonOf } from './horizon';
import { knownBy, laterFact, type LoggedFact } from './known';
import type { ForecastHorizon } from './types';

/** A person's incentive target for a period as the log holds it (`IncentiveTargetSet`), in its plan's currency. */
export type RecordedTarget = LoggedFact &
  Readonly<{ planId: string; personId: string; period: string; targetMinor: number }>;

/** A plan's terms from a period on (`IncentivePlanPublished` / `Corrected`): what currency its targets are in. */
export type RecordedPlanTerms = LoggedFact &
  Readonly<{ planId: string; effectiveFrom: string; currency: string }>;

/** No earnings, hence no targets, after `effectiveAfter` (`IncentivePlanRetired`). */
export type RecordedPlanRetirement = LoggedFact & Readonly<{ planId: string; effectiveAfter: string }>;

/** A target that counts for a forecast: whose, for which period, how much in its plan's currency, from which event. */
export type TargetInForce = Readonly<{
  personId: string;
  planId: string;
  period: string;
  amount: Money;
  eventId: string;
}>;

/** Whose targets: as a forecast's deal filter (an owner, a team's spells, what the reader may see). */
export type TargetScope = Readonly<{
  owner?: string;
  team?: readonly TeamSpell[];
  visibleTo?: readonly string[];
}>;

export type TargetsQuery = Readonly<{
  horizon: ForecastHorizon;
  /** Business instant: targets set by then. */
  asOf: string;
  knownAt?: KnownAt | undefined;
  scope?: TargetScope;
}>;

const inSpell = (spell: TeamSpell, person: string, at: number): boolean =>
  spell.person === person &&
  (spell.from === null || Date.parse(spell.from) <= at) &&
  (spell.to === null || at < Date.parse(spell.to));

function inScope(scope: TargetScope, person: string, periodFrom: string): boolean {
  if (scope.owner !== undefined && person !== scope.owner) return false;
  if (scope.visibleTo !== undefined && !scope.visibleTo.includes(person)) return false;
  const at = Date.parse(periodFrom);
  return scope.team === undefined || scope.team.some((spell) => inSpell(spell, person, at));
}

/**
 * The targets of the people in scope for the periods inside the horizon (a month of a quarter, or the
 * quarter itself), as set by `asOf` and known at `knownAt`: per person and period the latest target set
 * (business time, then log order), in the currency of its plan's terms in force for that period. A team's
 * are those of its members at the start of each period (its spells: the org timeline as known then); a
 * period of a retired plan has none. Ordered by period, then person.
 */
export function targetsInForce(
  targets: readonly RecordedTarget[],
  plans: Readonly<{ terms: readonly RecordedPlanTerms[]; retirements: readonly RecordedPlanRetirement[] }>,
  query: TargetsQuery,
): TargetInForce[] {
  const known = (fact: LoggedFact) => fact.occurredAt <= query.asOf && knownBy(fact, query.knownAt);
  const latest = new Map<string, RecordedTarget>();
  for (const target of targets) {
    const period = horizonOf(target.period, 'period');
    if (period.from < query.horizon.from || period.to > query.horizon.to || !known(target)) continue;
    if (!inScope(query.scope ?? {}, target.personId, period.from)) continue;
    const key = `${target.personId}|${target.period}`;
    const held = latest.get(key);
    if (held === undefined || laterFact(held, target) < 0) latest.set(key, target);
  }
  const shown: TargetInForce[] = [];
  for (const target of latest.values()) {
    const from = horizonOf(target.period, 'period').from;
    let currency: string | undefined;
    // The last version known whose first period is at or before the target's (a correction wins).
    for (const terms of plans.terms) {
      if (terms.planId !== target.planId || !known(terms)) continue;
      if (horizonOf(terms.effectiveFrom, 'period').from <= from) currency = terms.currency;
    }
    const retired = plans.retirements.some(
      (r) => r.planId === target.planId && known(r) && horizonOf(r.effectiveAfter, 'period').to <= from,
    );
    if (currency === undefined || retired) continue;
    shown.push({
      personId: target.personId,
      planId: target.planId,
      period: target.period,
      amount: { amountMinor: target.targetMinor, currency },
      eventId: target.eventId,
    });
  }
  return shown.sort((a, b) =>
    a.period !== b.period ? (a.period < b.period ? -1 : 1) : a.personId < b.personId ? -1 : 1,
  );
}
