import type { ContractCommand, ContractContext } from '@ltc/workflow-contract';
import type { AccessRule } from './access-rule';
import { hasRole } from './actor';
import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import { knownTriangle, triangleMembers, triangleMemberVotes } from './triangle';
import { allowed, firstOf } from './verdict';
import { worksCustomer } from './works-customer';

/** What the contract rules read of a contract. */
export type ContractFacts = Pick<ContractContext, 'customerId' | 'triangle'>;

/**
 * Contract rules: the engine (or a manager) opens a contract; managers reassign its triangle; only a
 * triangle member votes on the handover; the triangle, the customer's owner side and any manager work
 * it, and ops also bill, collect and write off. Admins and the system pass every rule but the vote.
 */
export const contractAccess: AccessRule<ContractCommand, ContractFacts> = ({
  actor,
  org,
  command,
  state,
  customer,
}) => {
  const worksContract = () =>
    hasRole(actor, 'manager')
      ? allowed
      : worksCustomer(actor, org, state.customerId, customer, {
          alsoAllowed: triangleMembers(state.triangle),
        });
  switch (command.type) {
    case 'OpenContract':
      return firstOf(
        () => managersOnly(actor, 'open a contract (the engine opens it when a deal is won)'),
        () => knownTriangle(org, command.type, command.data.triangle),
      );
    case 'ReassignIronTriangleRole':
      return firstOf(
        () => managersOnly(actor, 'reassign an iron-triangle role'),
        () => knownUser(org, command.type, 'to', command.data.to),
      );
    case 'CastGateVote':
      return triangleMemberVotes(actor, state.triangle, command.data.role);
    case 'IssueInvoice':
    case 'RecordPayment':
    case 'WriteOffInvoice':
      return hasRole(actor, 'ops') ? allowed : worksContract();
    case 'ConfirmContract':
    case 'RequestGateReview':
    case 'CompleteDeliveryMilestone':
    case 'DeclareDeliveryComplete':
    case 'ChangeContract':
    case 'RaiseRisk':
    case 'ResolveRisk':
    case 'OpenDispute':
    case 'ResolveDispute':
    case 'TerminateContract':
    case 'CloseContract':
    case 'EvaluateContract':
      return worksContract();
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as ContractCommand).type}`);
    }
  }
};
