import { Global, Module } from '@nestjs/common';
import { DealIndex } from '../queries/deal-index';
import { AsOfReadModels } from './as-of-read-models.service';
import { AuditController } from './audit.controller';
import { GetAuditTimelineHandler, VerifyStreamHandler } from './audit.query-handlers';
import { ProjectionsController } from './projections.controller';
import { ReadModelAccess } from './read-model.access';
import {
  GetActivityHandler,
  GetFunnelHandler,
  GetFunnelTrendHandler,
  GetGateDecisionsHandler,
  GetLeadFunnelHandler,
  GetLossesHandler,
  GetProjectionStatusHandler,
  GetWinRatesHandler,
} from './read-model.query-handlers';
import { ForecastFactsService } from './forecast-facts.service';
import { ForecastsController } from './forecasts.controller';
import { ReadModelsController } from './read-models.controller';
import { ReadModels } from './read-models.service';

const queryHandlers = [
  GetFunnelHandler,
  GetFunnelTrendHandler,
  GetLeadFunnelHandler,
  GetWinRatesHandler,
  GetLossesHandler,
  GetActivityHandler,
  GetGateDecisionsHandler,
  GetProjectionStatusHandler,
  GetAuditTimelineHandler,
  VerifyStreamHandler,
];

/**
 * Projections of the log into read models, kept live, queried live or as of any moment. Global: the
 * deal index serves the workflow modules' lists, pool counts and process managers.
 */
@Global()
@Module({
  controllers: [ReadModelsController, ForecastsController, AuditController, ProjectionsController],
  providers: [ReadModels, AsOfReadModels, ReadModelAccess, DealIndex, ForecastFactsService, ...queryHandlers],
  exports: [ReadModels, DealIndex, ForecastFactsService],
})
export class ReadModelsModule {}
