import type { IncentivePeriodCommand } from '@ltc/workflow-incentive-period';
import type { IncentivePlanCommand } from '@ltc/workflow-incentive-plan';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every plan command travels in this message to the one {@link IncentivePlanCommandHandler}. */
export class IncentivePlanWorkflowCommand<
  C extends IncentivePlanCommand = IncentivePlanCommand,
> extends WorkflowCommand<C> {}

/** Every period command travels in this message to the one {@link IncentivePeriodCommandHandler}. */
export class IncentivePeriodWorkflowCommand<
  C extends IncentivePeriodCommand = IncentivePeriodCommand,
> extends WorkflowCommand<C> {}
