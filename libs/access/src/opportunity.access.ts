import type { OpportunityCommand, OpportunityContext } from '@ltc/workflow-opportunity';
import type { AccessRule } from './access-rule';
import { isUnrestricted, speaksFor } from './actor';
import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import { knownTriangle, triangleMembers, triangleMemberVotes } from './triangle';
import { allowed, firstOf, refused } from './verdict';
import { worksCustomer } from './works-customer';

/** What the opportunity rules read of a deal. */
export type OpportunityFacts = Pick<OpportunityContext, 'customerId' | 'owner' | 'triangle'>;

/**
 * Opportunity rules: the customer's owner side opens and works the deal (with the deal's owner and its
 * triangle); only managers assign the triangle, and only to known users; only a triangle member votes
 * as a role they hold; only the AR or a manager sets the forecast category.
 */
export const opportunityAccess: AccessRule<OpportunityCommand, OpportunityFacts> = ({
  actor,
  org,
  command,
  state,
  customer,
}) => {
  switch (command.type) {
    case 'OpenOpportunity': {
      const { customerId, owner } = command.data;
      return firstOf(
        () => worksCustomer(actor, org, customerId, customer),
        () => knownUser(org, command.type, 'owner', owner),
        () =>
          isUnrestricted(actor) || speaksFor(actor, org, owner)
            ? allowed
            : refused('ownerIsSelfOrReport', 'a rep opens deals for themself; a manager for their reps'),
      );
    }
    case 'AssignIronTriangle':
      return firstOf(
        () => managersOnly(actor, 'assign an iron triangle'),
        () => knownTriangle(org, command.type, command.data.triangle),
      );
    case 'ReassignIronTriangleRole':
      return firstOf(
        () => managersOnly(actor, 'reassign an iron-triangle role'),
        () => knownUser(org, command.type, 'to', command.data.to),
      );
    case 'CastGateVote':
      return triangleMemberVotes(actor, state.triangle, command.data.role);
    case 'SetForecastCategory': {
      // The call is the account responsible's (the owner until a triangle names one), or their manager's.
      const ar = state.triangle?.AR ?? state.owner;
      return actor.id === ar || managersOnly(actor, '').kind === 'allowed'
        ? allowed
        : refused('arOrManagerCalls', "only the deal's AR or a manager sets its forecast category");
    }
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
      return worksCustomer(actor, org, state.customerId, customer, {
        alsoAllowed: [state.owner, ...triangleMembers(state.triangle)],
      });
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as OpportunityCommand).type}`);
    }
  }
};
