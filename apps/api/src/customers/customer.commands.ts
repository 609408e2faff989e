import type { CustomerCommand } from '@ltc/workflow-customer';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every customer command travels in this message to the one {@link CustomerCommandHandler}. */
export class CustomerWorkflowCommand<
  C extends CustomerCommand = CustomerCommand,
> extends WorkflowCommand<C> {}
