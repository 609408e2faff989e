import { leadAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { LeadCommand, leadWorkflow } from '@ltc/workflow-lead';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type LeadState = SnapshotFrom<(typeof leadWorkflow)['machine']>;

/** The lead rules of `@ltc/access` (`leadAccess`), fed and enforced by the api. */
export function authorizeLead(
  access: AccessService,
  { actor, command }: CommandRequest<LeadCommand>,
  state: LeadState,
): Promise<void> {
  return access.authorize(leadAccess, actor, command, state.context);
}
