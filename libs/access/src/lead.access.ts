import type { LeadCommand, LeadContext } from '@ltc/workflow-lead';
import type { AccessRule } from './access-rule';
import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import { firstOf } from './verdict';
import { worksCustomer } from './works-customer';

/** What the lead rules read of a lead. */
export type LeadFacts = Pick<LeadContext, 'customerId' | 'owner'>;

/**
 * Lead rules: anyone may capture a lead for a public-pool customer or one they work; only managers
 * assign; everything else needs the customer's owner, their manager, or the lead's owner.
 */
export const leadAccess: AccessRule<LeadCommand, LeadFacts> = ({ actor, org, command, state, customer }) => {
  switch (command.type) {
    case 'CaptureLead':
      return worksCustomer(actor, org, command.data.customerId, customer, { allowUnowned: true });
    case 'AssignLead':
    case 'ReassignLead':
      return firstOf(
        () => managersOnly(actor, 'assign leads'),
        () => knownUser(org, command.type, 'owner', command.data.owner),
      );
    case 'RecordLeadTouch':
    case 'QualifyLead':
    case 'NurtureLead':
    case 'DisqualifyLead':
    case 'ReopenLead':
    case 'ConvertLead':
      return worksCustomer(actor, org, state.customerId ?? '', customer, { alsoAllowed: [state.owner] });
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as LeadCommand).type}`);
    }
  }
};
