import { ForbiddenError, type CommandRequest } from '@ltc/engine';
import type { OpportunityCommand, opportunityWorkflow } from '@ltc/workflow-opportunity';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';
import { requireKnownTriangle, requireTriangleMember, triangleMembers } from '../gates/triangle.access';

type OpportunityState = SnapshotFrom<(typeof opportunityWorkflow)['machine']>;

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
      return requireKnownTriangle(access, command.type, command.data.triangle);
    case 'ReassignIronTriangleRole':
      access.requireManager(actor, 'reassign an iron-triangle role');
      return access.requireKnownUser(command.type, 'to', command.data.to);
    case 'CastGateVote':
      return requireTriangleMember(actor, triangle);
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
