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

/** Only a triangle member votes; the machine then checks that they hold the role they vote as. */
export function triangleMemberVotes(actor: AccessActor, triangle: IronTriangle | null): Verdict {
  if (rolesHeldBy(triangle, actor.id).length > 0) return allowed;
  return refused('triangleMembersVote', "only a member of this deal's iron triangle may vote");
}
