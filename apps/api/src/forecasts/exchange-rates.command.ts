import type { ExchangeRatesCommand } from '@ltc/workflow-exchange-rates';
import { WorkflowCommand } from '../engine/workflow-command';

/** Every rates command travels in this message to the one {@link ExchangeRatesCommandHandler}. */
export class ExchangeRatesWorkflowCommand<
  C extends ExchangeRatesCommand = ExchangeRatesCommand,
> extends WorkflowCommand<C> {}
