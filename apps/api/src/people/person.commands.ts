import type { PersonCommand } from '@ltc/workflow-person';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every person command travels in this message to the one {@link PersonCommandHandler}. */
export class PersonWorkflowCommand<C extends PersonCommand = PersonCommand> extends WorkflowCommand<C> {}
