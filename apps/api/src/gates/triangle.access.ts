import { IRON_TRIANGLE_ROLES, type IronTriangleRole } from '@ltc/domain';
import { ForbiddenError, type Actor } from '@ltc/engine';
import { rolesHeldBy, type IronTriangle } from '@ltc/workflow-gates';
import type { AccessService } from '../access/access.service';

/** The people who hold a role on a deal (one person may hold several). */
export function triangleMembers(triangle: IronTriangle | null): string[] {
  return triangle === null ? [] : [...new Set([triangle.AR, triangle.SR, triangle.FR])];
}

/** Every person named in a triangle must be a user (an absent role is left to the workflow's check). */
export function requireKnownTriangle(access: AccessService, command: string, triangle: unknown): void {
  const named = (triangle ?? {}) as Partial<Record<IronTriangleRole, string>>;
  for (const role of IRON_TRIANGLE_ROLES) {
    const user = named[role];
    if (user !== undefined) access.requireKnownUser(command, `triangle.${role}`, user);
  }
}

/** Only a triangle member votes; the machine then checks that they hold the role they vote as. */
export function requireTriangleMember(actor: Actor, triangle: IronTriangle | null): void {
  if (rolesHeldBy(triangle, actor.id).length > 0) return;
  throw new ForbiddenError('triangleMembersVote', "only a member of this deal's iron triangle may vote");
}
