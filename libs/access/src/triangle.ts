import { IRON_TRIANGLE_ROLES, type IronTriangleRole } from '@ltc/domain';
import { rolesHeldBy, type IronTriangle } from '@ltc/workflow-gates';
import type { AccessActor } from './actor';
import { knownUser } from './known-user';
import type { Org } from './org';
import { allowed, firstOf, refused, type Verdict } from './verdict';

/** The people who hold a role on a deal (one person may hold several). */
export function triangleMembers(triangle: IronTriangle | null): string[] {
  return triangle === null ? [] : [...new Set([triangle.AR, triangle.SR, triangle.FR])];
}

/** Every person named in a triangle must be a user (an absent role is left to the workflow's check). */
export function knownTriangle(org: Org, command: string, triangle: unknown): Verdict {
  const named = (triangle ?? {}) as Partial<Record<IronTriangleRole, string>>;
  return firstOf(
    ...IRON_TRIANGLE_ROLES.map((role) => () => {
      const user = named[role];
      return user === undefined ? allowed : knownUser(org, command, `triangle.${role}`, user);
    }),
  );
}

/**
 * Only a triangle member votes, and only as a role they hold now (`role`, when the vote names one): a
 * refused actor, 403, as every access rule (the machine keeps the same check for its own history).
 */
export function triangleMemberVotes(
  actor: AccessActor,
  triangle: IronTriangle | null,
  role?: IronTriangleRole,
): Verdict {
  const held = rolesHeldBy(triangle, actor.id);
  if (held.length === 0) {
    return refused('triangleMembersVote', "only a member of this deal's iron triangle may vote");
  }
  if (role !== undefined && !held.includes(role)) {
    return refused('voterHoldsRole', 'only the current holder of the role on this deal may vote for it');
  }
  return allowed;
}
