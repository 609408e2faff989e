import type { LeadCommand } from '@ltc/workflow-lead';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every lead command travels in this message to the one {@link LeadCommandHandler}. */
export class LeadWorkflowCommand<C extends LeadCommand = LeadCommand> extends WorkflowCommand<C> {}
