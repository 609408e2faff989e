import type { CommandRequest } from '@ltc/engine';
import type { CustomerCommand, customerWorkflow } from '@ltc/workflow-customer';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type CustomerState = SnapshotFrom<(typeof customerWorkflow)['machine']>;

/**
 * Customer rules: anyone registers; a rep claims for themself, a manager for anyone; the owner (or their
 * manager) touches and releases; managers transfer, return and re-segment; the idle sweep runs as system.
 */
export function authorizeCustomer(
  access: AccessService,
  { actor, command }: CommandRequest<CustomerCommand>,
  state: CustomerState,
): void {
  const { owner } = state.context;
  switch (command.type) {
    case 'RegisterCustomer':
      return;
    case 'ClaimCustomer':
      if (command.data.owner !== undefined && command.data.owner !== actor.id) {
        access.requireManager(actor, 'claim a customer for someone else');
        access.requireKnownUser(command.type, 'owner', command.data.owner);
      }
      return;
    case 'TransferCustomer':
      access.requireManager(actor, 'transfer a customer to another owner');
      access.requireKnownUser(command.type, 'owner', command.data.owner);
      return;
    case 'ChangeCustomerSegment':
    case 'ReturnCustomerToPublicPool':
      return access.requireManager(actor, 'return a customer to the public pool or change its segment');
    case 'RecordCustomerTouch':
    case 'ReleaseCustomer':
      if (access.isUnrestricted(actor) || access.speaksFor(actor, owner)) return;
      return access.requireOwner(owner, 'only the owner or their manager may touch or release this customer');
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as CustomerCommand).type}`);
    }
  }
}
