import type { ForecastCallCommand } from '@ltc/workflow-forecast-call';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every forecast call command travels in this message to the one {@link ForecastCallCommandHandler}. */
export class ForecastCallWorkflowCommand<
  C extends ForecastCallCommand = ForecastCallCommand,
> extends WorkflowCommand<C> {}
