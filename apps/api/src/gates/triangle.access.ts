import { knownTriangle, triangleMemberVotes } from '@ltc/access';
import type { Actor } from '@ltc/engine';
import type { IronTriangle } from '@ltc/workflow-gates';
import type { AccessService } from '../access/access.service';
import { enforce } from '../access/enforce-verdict';

export { triangleMembers } from '@ltc/access';

/** Every person named in a triangle must be a user (an absent role is left to the workflow's check). */
export function requireKnownTriangle(access: AccessService, command: string, triangle: unknown): void {
  enforce(knownTriangle(access.org(), command, triangle));
}

/** Only a triangle member votes; the machine then checks that they hold the role they vote as. */
export function requireTriangleMember(actor: Actor, triangle: IronTriangle | null): void {
  enforce(triangleMemberVotes(actor, triangle));
}
