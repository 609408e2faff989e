import { hasRole, isUnrestricted, speaksFor, type AccessActor, type Org } from '@ltc/access';
import { ForbiddenError } from '@ltc/engine';

/**
 * Statements: a rep reads their own; a manager the statements of the people they manage now (every
 * period, the balance carried into today's included), and of anyone they managed at some instant of the
 * statement's period (a former manager keeps the periods worked under them, not the later ones);
 * sales operations (and admins) everyone's.
 */
export function mayReadStatement(
  actor: AccessActor,
  org: Org,
  personId: string,
  managersInPeriod: ReadonlySet<string>,
): boolean {
  return (
    isUnrestricted(actor) ||
    hasRole(actor, 'ops') ||
    speaksFor(actor, org, personId) ||
    (hasRole(actor, 'manager') && managersInPeriod.has(actor.id))
  );
}

export function assertMayReadStatement(
  actor: AccessActor,
  org: Org,
  personId: string,
  managersInPeriod: ReadonlySet<string>,
): void {
  if (!mayReadStatement(actor, org, personId, managersInPeriod)) {
    throw new ForbiddenError(
      'ownStatementOrReport',
      "a statement is read by its person, their manager (now, or during the statement's period) or sales operations",
    );
  }
}
