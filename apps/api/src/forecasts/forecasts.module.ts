import { Module, type OnModuleInit } from '@nestjs/common';
import { forecastCallWorkflow } from '@ltc/workflow-forecast-call';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { ForecastCallsController } from './forecast-calls.controller';
import { authorizeForecastCall, ForecastCallCommandHandler } from './forecast-call.handler';
import { forecastCallRoutes } from './forecast-call.routes';

/**
 * Forecast calls: made through a route table like every workflow's (`POST /api/forecast-calls`), read in
 * force at a moment (`GET /api/forecasts/calls`).
 */
@Module({
  controllers: [ForecastCallsController, CommandController(forecastCallRoutes)],
  providers: [ForecastCallCommandHandler],
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
  }
}
