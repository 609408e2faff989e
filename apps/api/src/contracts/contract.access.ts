import { contractAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { ContractCommand, contractWorkflow } from '@ltc/workflow-contract';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type ContractState = SnapshotFrom<(typeof contractWorkflow)['machine']>;

/** The contract rules of `@ltc/access` (`contractAccess`), fed and enforced by the api. */
export function authorizeContract(
  access: AccessService,
  { actor, command }: CommandRequest<ContractCommand>,
  state: ContractState,
): Promise<void> {
  return access.authorize(contractAccess, actor, command, state.context);
}
