import { opportunityAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { OpportunityCommand, opportunityWorkflow } from '@ltc/workflow-opportunity';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type OpportunityState = SnapshotFrom<(typeof opportunityWorkflow)['machine']>;

/** The opportunity rules of `@ltc/access` (`opportunityAccess`), fed and enforced by the api. */
export function authorizeOpportunity(
  access: AccessService,
  { actor, command }: CommandRequest<OpportunityCommand>,
  state: OpportunityState,
): Promise<void> {
  return access.authorize(opportunityAccess, actor, command, state.context);
}
