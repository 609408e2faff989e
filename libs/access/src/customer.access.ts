import type { CustomerCommand, CustomerContext } from '@ltc/workflow-customer';
import type { AccessRule } from './access-rule';
import { isUnrestricted, speaksFor } from './actor';
import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import { allowed, firstOf, refused } from './verdict';

/** What the customer rules read of a customer. */
export type CustomerFacts = Pick<CustomerContext, 'owner'>;

/**
 * Customer rules: anyone registers; a rep claims for themself, a manager for anyone; the owner (or their
 * manager) touches and releases; managers transfer, return and re-segment; the idle sweep runs as system.
 */
export const customerAccess: AccessRule<CustomerCommand, CustomerFacts> = ({
  actor,
  org,
  command,
  state,
}) => {
  switch (command.type) {
    case 'RegisterCustomer':
      return allowed;
    case 'ClaimCustomer': {
      const { owner } = command.data;
      if (owner === undefined || owner === actor.id) return allowed;
      return firstOf(
        () => managersOnly(actor, 'claim a customer for someone else'),
        () => knownUser(org, command.type, 'owner', owner),
      );
    }
    case 'TransferCustomer':
      return firstOf(
        () => managersOnly(actor, 'transfer a customer to another owner'),
        () => knownUser(org, command.type, 'owner', command.data.owner),
      );
    case 'ChangeCustomerSegment':
    case 'ReturnCustomerToPublicPool':
      return managersOnly(actor, 'return a customer to the public pool or change its segment');
    case 'RecordCustomerTouch':
    case 'ReleaseCustomer': {
      const { owner } = state;
      if (isUnrestricted(actor) || speaksFor(actor, org, owner)) return allowed;
      const reason = 'only the owner or their manager may touch or release this customer';
      return refused(owner === null ? 'customerNotClaimed' : 'customerOwnedByAnother', reason);
    }
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as CustomerCommand).type}`);
    }
  }
};
