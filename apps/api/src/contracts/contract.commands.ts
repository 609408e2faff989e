import type { ContractCommand } from '@ltc/workflow-contract';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every contract command travels in this message to the one {@link ContractCommandHandler}. */
export class ContractWorkflowCommand<
  C extends ContractCommand = ContractCommand,
> extends WorkflowCommand<C> {}
