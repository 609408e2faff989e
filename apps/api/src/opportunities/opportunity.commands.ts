import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every opportunity command travels in this message to the one {@link OpportunityCommandHandler}. */
export class OpportunityWorkflowCommand<
  C extends OpportunityCommand = OpportunityCommand,
> extends WorkflowCommand<C> {}
