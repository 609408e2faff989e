import { customerAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { CustomerCommand, customerWorkflow } from '@ltc/workflow-customer';
import type { SnapshotFrom } from 'xstate';
import type { AccessService } from '../access/access.service';

type CustomerState = SnapshotFrom<(typeof customerWorkflow)['machine']>;

/** The customer rules of `@ltc/access` (`customerAccess`), fed and enforced by the api. */
export function authorizeCustomer(
  access: AccessService,
  { actor, command }: CommandRequest<CustomerCommand>,
  state: CustomerState,
): Promise<void> {
  return access.authorize(customerAccess, actor, command, state.context);
}
