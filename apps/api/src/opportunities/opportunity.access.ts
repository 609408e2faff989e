import { IRON_TRIANGLE_ROLES, type IronTriangleRole } from '@ltc/domain';
import { ForbiddenError, type CommandRequest } from '@ltc/engine';
import { rolesHeldBy, type IronTriangle } from '@ltc/workflow-gates';
import type { OpportunityCommand, opportunityWorkflow } from '@ltc/workflow-opportunity';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type OpportunityState = SnapshotFrom<(typeof opportunityWorkflow)['machine']>;

/** The people who hold a role on a deal (one person may hold several). */
export function triangleMembers(triangle: IronTriangle | null): string[] {
  return triangle === null ? [] : [...new Set([triangle.AR, triangle.SR, triangle.FR])];
}

/** Every person named in a triangle must be a user (an absent role is left to the machine's check). */
export function requireKnownTriangle(access: AccessService, command: string, triangle: unknown): void {
  const named = (triangle ?? {}) as Partial<Record<IronTriangleRole, string>>;
  for (const role of IRON_TRIANGLE_ROLES) {
    const user = named[role];
    if (user !== undefined) access.requireKnownUser(command, `triangle.${role}`, user);
  }
}

/**
 * Opportunity rules: the customer's owner side opens and works the deal (with the deal's owner and its
 * triangle); only managers assign the triangle, and only to known users; only a triangle member votes
 * (the machine checks that they hold the role they vote as).
 */
export async function authorizeOpportunity(
  access: AccessService,
  { actor, command }: CommandRequest<OpportunityCommand>,
  state: OpportunityState,
): Promise<void> {
  const { customerId, owner, triangle } = state.context;
  switch (command.type) {
    case 'OpenOpportunity': {
      await access.requireWorksCustomer(actor, command.data.customerId);
      access.requireKnownUser(command.type, 'owner', command.data.owner);
      if (access.isUnrestricted(actor) || access.speaksFor(actor, command.data.owner)) return;
      throw new ForbiddenError(
        'ownerIsSelfOrReport',
        'a rep opens deals for themself; a manager for their reps',
      );
    }
    case 'AssignIronTriangle':
      access.requireManager(actor, 'assign an iron triangle');
      requireKnownTriangle(access, command.type, command.data.triangle);
      return;
    case 'ReassignIronTriangleRole':
      access.requireManager(actor, 'reassign an iron-triangle role');
      access.requireKnownUser(command.type, 'to', command.data.to);
      return;
    case 'CastGateVote':
      if (rolesHeldBy(triangle, actor.id).length > 0) return;
      throw new ForbiddenError('triangleMembersVote', "only a member of this deal's iron triangle may vote");
    case 'ValidateOpportunity':
    case 'RecordPreBidGuidance':
    case 'RequestGateReview':
    case 'PrepareQuote':
    case 'SubmitBid':
    case 'RecordNegotiationRound':
    case 'ReviseQuote':
    case 'ChangeAmount':
    case 'ChangeExpectedCloseDate':
    case 'WinOpportunity':
    case 'LoseOpportunity':
    case 'AbandonOpportunity':
      return access.requireWorksCustomer(actor, customerId, {
        alsoAllowed: [owner, ...triangleMembers(triangle)],
      });
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as OpportunityCommand).type}`);
    }
  }
}
