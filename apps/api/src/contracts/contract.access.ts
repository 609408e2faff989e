import type { Actor, CommandRequest } from '@ltc/engine';
import type { ContractCommand, contractWorkflow } from '@ltc/workflow-contract';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';
import { requireKnownTriangle, requireTriangleMember, triangleMembers } from '../gates/triangle.access';

type ContractState = SnapshotFrom<(typeof contractWorkflow)['machine']>;

const has = (actor: Actor, role: string) => actor.roles.includes(role);

/**
 * Contract rules: the engine (or a manager) opens a contract; managers reassign its triangle; only a
 * triangle member votes on the handover; the triangle, the customer's owner side and any manager work
 * it, and ops also bill, collect and write off. Admins and the system pass every rule but the vote.
 */
export async function authorizeContract(
  access: AccessService,
  { actor, command }: CommandRequest<ContractCommand>,
  state: ContractState,
): Promise<void> {
  const { customerId, triangle } = state.context;
  const worksContract = async () => {
    if (has(actor, 'manager')) return;
    await access.requireWorksCustomer(actor, customerId, { alsoAllowed: triangleMembers(triangle) });
  };
  switch (command.type) {
    case 'OpenContract':
      access.requireManager(actor, 'open a contract (the engine opens it when a deal is won)');
      return requireKnownTriangle(access, command.type, command.data.triangle);
    case 'ReassignIronTriangleRole':
      access.requireManager(actor, 'reassign an iron-triangle role');
      return access.requireKnownUser(command.type, 'to', command.data.to);
    case 'CastGateVote':
      return requireTriangleMember(actor, triangle);
    case 'IssueInvoice':
    case 'RecordPayment':
    case 'WriteOffInvoice':
      if (has(actor, 'ops')) return;
      return worksContract();
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
}
