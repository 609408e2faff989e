import { hasRole, isUnrestricted, speaksFor, type AccessActor, type Org } from '@ltc/access';
import { ForbiddenError } from '@ltc/engine';

/** Statements: a rep reads their own, a manager their people's, sales operations (and admins) everyone's. */
export function mayReadStatement(actor: AccessActor, org: Org, personId: string): boolean {
  return isUnrestricted(actor) || hasRole(actor, 'ops') || speaksFor(actor, org, personId);
}

export function assertMayReadStatement(actor: AccessActor, org: Org, personId: string): void {
  if (!mayReadStatement(actor, org, personId)) {
    throw new ForbiddenError(
      'ownStatementOrReport',
      'a statement is read by its person, their manager or sales operations',
    );
  }
}
