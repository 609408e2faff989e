import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { exchangeRatesAccess, forecastCallAccess } from '@ltc/access';
import type { CommandRequest, CommandResult } from '@ltc/engine';
import {
  defaultForecastCallPolicy,
  forecastCallWorkflow,
  type ForecastCallCommand,
} from '@ltc/workflow-forecast-call';
import {
  defaultExchangeRatesPolicy,
  exchangeRatesWorkflow,
  type ExchangeRatesCommand,
} from '@ltc/workflow-exchange-rates';
import { AccessService } from '../access/access.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { ExchangeRatesWorkflowCommand } from './exchange-rates.command';
import { ForecastCallWorkflowCommand } from './forecast-call.command';

/** The call rules of `@ltc/access` (`forecastCallAccess`), enforced by the api. */
export function authorizeForecastCall(
  access: AccessService,
  { actor, command }: CommandRequest<ForecastCallCommand>,
): Promise<void> {
  return access.authorize(forecastCallAccess, actor, command, {});
}

/** Every forecast call command through the engine. */
@CommandHandler(ForecastCallWorkflowCommand)
export class ForecastCallCommandHandler implements ICommandHandler<
  ForecastCallWorkflowCommand,
  CommandResult
> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
  ) {}

  execute(message: ForecastCallWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(forecastCallWorkflow, defaultForecastCallPolicy, message, (request) =>
      authorizeForecastCall(this.access, request),
    );
  }
}

/** The rates rule of `@ltc/access` (`exchangeRatesAccess`: sales operations and admins). */
export function authorizeExchangeRates(
  access: AccessService,
  { actor, command }: CommandRequest<ExchangeRatesCommand>,
): Promise<void> {
  return access.authorize(exchangeRatesAccess, actor, command, {});
}

/** Every rates command through the engine. */
@CommandHandler(ExchangeRatesWorkflowCommand)
export class ExchangeRatesCommandHandler implements ICommandHandler<
  ExchangeRatesWorkflowCommand,
  CommandResult
> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
  ) {}

  execute(message: ExchangeRatesWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(exchangeRatesWorkflow, defaultExchangeRatesPolicy, message, (request) =>
      authorizeExchangeRates(this.access, request),
    );
  }
}
