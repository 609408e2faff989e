import { hasRole, isUnrestricted, type AccessActor } from './actor';
import type { Org } from './org';

/** Managers, ops and admins see every team's deals; reps only their team's and their own. */
export function seesAllTeams(actor: AccessActor): boolean {
  return isUnrestricted(actor) || hasRole(actor, 'manager') || hasRole(actor, 'ops');
}

/**
 * True when `actor` may see work done by these people (one of them, or in their team). `'*'` marks
 * work that everyone may see. A stream the actor may not see is answered as missing, never refused.
 */
export function mayView(
  actor: AccessActor,
  org: Org,
  people: readonly (string | null | undefined)[],
): boolean {
  if (seesAllTeams(actor) || people.includes('*')) return true;
  return people.some((p) => p !== null && p !== undefined && (p === actor.id || org.sameTeam(actor.id, p)));
}

/** The people whose work the actor may see in read models, or undefined for everyone. */
export function visibleTo(actor: AccessActor, org: Org): readonly string[] | undefined {
  if (seesAllTeams(actor)) return undefined;
  const team = org.teamOf(actor.id) ?? actor.team;
  return [...new Set([actor.id, ...(team === undefined ? [] : org.teamMembers(team))])];
}

/**
 * Whose deals a forecast may hold for `actor`, or undefined for everyone: ops, admins and the system see
 * every deal; a manager their team's (and their own); a rep their own deals only.
 */
export function forecastVisibleTo(actor: AccessActor, org: Org): readonly string[] | undefined {
  if (isUnrestricted(actor) || hasRole(actor, 'ops')) return undefined;
  if (!hasRole(actor, 'manager')) return [actor.id];
  const team = org.teamOf(actor.id) ?? actor.team;
  return [...new Set([actor.id, ...(team === undefined ? [] : org.teamMembers(team))])];
}
