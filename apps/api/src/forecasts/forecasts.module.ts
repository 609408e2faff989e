import { Module, type OnModuleInit } from '@nestjs/common';
import { exchangeRatesWorkflow } from '@ltc/workflow-exchange-rates';
import { forecastCallWorkflow } from '@ltc/workflow-forecast-call';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { exchangeRatesRoutes } from './exchange-rates.routes';
import { ForecastCallsController } from './forecast-calls.controller';
import { forecastCallRoutes } from './forecast-call.routes';
import {
  authorizeExchangeRates,
  authorizeForecastCall,
  ExchangeRatesCommandHandler,
  ForecastCallCommandHandler,
} from './forecasts.handlers';

/**
 * The forecast's own facts, each a route table like every workflow's: forecast calls
 * (`POST /api/forecast-calls`, read in force at a moment at `GET /api/forecasts/calls`) and exchange
 * rate tables (`POST /api/exchange-rates`).
 */
@Module({
  controllers: [
    ForecastCallsController,
    CommandController(forecastCallRoutes),
    CommandController(exchangeRatesRoutes),
  ],
  providers: [ForecastCallCommandHandler, ExchangeRatesCommandHandler],
})
export class ForecastsModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'forecast-call',
      plural: forecastCallRoutes.path,
      workflow: forecastCallWorkflow,
      streamId: forecastCallRoutes.stream.id,
      authorize: (request) => authorizeForecastCall(this.access, request),
      // A rep's line is theirs (and their team's) to read; a team line is for managers, ops and admins.
      people: (state) => (state.context.line?.scope === 'own' ? [state.context.line.personId] : []),
    });
    this.registry.register({
      kind: 'exchange-rates',
      plural: exchangeRatesRoutes.path,
      workflow: exchangeRatesWorkflow,
      streamId: exchangeRatesRoutes.stream.id,
      authorize: (request) => authorizeExchangeRates(this.access, request),
      // Rate tables are everyone's to read.
      people: () => ['*'],
    });
  }
}
