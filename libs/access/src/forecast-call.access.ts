import type { ForecastCallCommand } from '@ltc/workflow-forecast-call';
import type { AccessRule } from './access-rule';
import { hasRole, isUnrestricted, type AccessActor } from './actor';
import type { Org } from './org';
import { allowed, refused } from './verdict';

const seesEveryCall = (actor: AccessActor): boolean => isUnrestricted(actor) || hasRole(actor, 'ops');

/** A manager's team: the team the directory has them in (their reps are there too). */
const managesTeam = (actor: AccessActor, org: Org, team: string): boolean =>
  hasRole(actor, 'manager') && (org.teamOf(actor.id) ?? actor.team) === team;

/**
 * Forecast calls: a rep (anyone) makes their own call only; a team call is a manager's for their own
 * team; sales operations, admins and the system record any call (for someone, on their behalf).
 */
export const forecastCallAccess: AccessRule<ForecastCallCommand, unknown> = ({ actor, org, command }) => {
  if (seesEveryCall(actor)) return allowed;
  const { scope, personId, team } = command.data;
  if (scope === 'team') {
    if (typeof team === 'string' && managesTeam(actor, org, team)) return allowed;
    return refused('managerOfTeam', "only the team's manager (or sales operations) may make a team call");
  }
  if (personId === undefined || personId === null || personId === actor.id) return allowed;
  return refused(
    'ownCallOnly',
    'a rep makes their own forecast call only (sales operations may record one for them)',
  );
};

/** Which calls `actor` may read, or undefined for all: a rep their own, a manager their team's and their reps'. */
export function forecastCallsVisibleTo(
  actor: AccessActor,
  org: Org,
): Readonly<{ people: readonly string[]; teams: readonly string[] }> | undefined {
  if (seesEveryCall(actor)) return undefined;
  if (!hasRole(actor, 'manager')) return { people: [actor.id], teams: [] };
  const team = org.teamOf(actor.id) ?? actor.team;
  if (team === undefined) return { people: [actor.id], teams: [] };
  return { people: [...new Set([actor.id, ...org.teamMembers(team)])], teams: [team] };
}
