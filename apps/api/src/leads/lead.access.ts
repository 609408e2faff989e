import type { CommandRequest } from '@ltc/engine';
import type { LeadCommand, leadWorkflow } from '@ltc/workflow-lead';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type LeadState = SnapshotFrom<(typeof leadWorkflow)['machine']>;

/**
 * Lead rules: anyone may capture a lead for a public-pool customer or one they work; only managers
 * assign; everything else needs the customer's owner, their manager, or the lead's owner.
 */
export async function authorizeLead(
  access: AccessService,
  { actor, command }: CommandRequest<LeadCommand>,
  state: LeadState,
): Promise<void> {
  switch (command.type) {
    case 'CaptureLead':
      return access.requireWorksCustomer(actor, command.data.customerId, { allowUnowned: true });
    case 'AssignLead':
    case 'ReassignLead':
      access.requireManager(actor, 'assign leads');
      access.requireKnownUser(command.type, 'owner', command.data.owner);
      return;
    case 'RecordLeadTouch':
    case 'QualifyLead':
    case 'NurtureLead':
    case 'DisqualifyLead':
    case 'ReopenLead':
    case 'ConvertLead': {
      const { customerId, owner } = state.context;
      return access.requireWorksCustomer(actor, customerId ?? '', { alsoAllowed: [owner] });
    }
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as LeadCommand).type}`);
    }
  }
}
