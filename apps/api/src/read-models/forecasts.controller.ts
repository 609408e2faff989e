import { Controller, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { forecastVisibleTo } from '@ltc/access';
import { CLOCK, type Actor, type Clock } from '@ltc/engine';
import {
  coverageOf,
  ForecastMethodError,
  forecastMethods,
  forecastProjection,
  HorizonError,
  horizonOf,
  parseMethods,
  periodAt,
  pipelineAt,
  type DealFilter,
  type ForecastResponse,
} from '@ltc/read-models';
import { AccessService } from '../access/access.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { InvalidInputException } from '../http/validation';
import { ApiReadModel } from './api-read-model.decorator';
import { AsOfReadModels } from './as-of-read-models.service';
import { ForecastDto, ForecastQueryDto } from './forecasts.dtos';
import { ReadModelAccess } from './read-model.access';

const refuse = (field: string, message: string) =>
  new InvalidInputException([{ field, messages: [message] }]);

/** Forecasts from the pipeline as it stood at `asOf`, as known at `knownAt`. */
@ApiTags('read models')
@Controller('api')
export class ForecastsController {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly readAccess: ReadModelAccess,
    private readonly access: AccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiReadModel(
    'forecasts',
    'getForecast',
    'the expected amount won in the horizon per method (stage-weighted, category-weighted, historical, Monte Carlo) with per-deal contributions; reps see their own deals, managers their team, ops everyone',
    ForecastDto,
  )
  async forecast(@CurrentActor() actor: Actor, @Query() query: ForecastQueryDto): Promise<ForecastResponse> {
    let methods;
    let horizon;
    try {
      methods = parseMethods(query.method);
    } catch (error) {
      if (error instanceof ForecastMethodError) throw refuse(error.field, error.message);
      throw error;
    }
    const { model, moment } = await this.models.open(forecastProjection, query);
    const asOf = moment.instant;
    try {
      horizon = horizonOf(query.horizon ?? periodAt(asOf, 'quarter'));
    } catch (error) {
      if (error instanceof HorizonError) throw refuse(error.field, error.message);
      throw error;
    }
    const visibleTo = forecastVisibleTo(actor, this.access.org());
    const filter: DealFilter = {
      ...(query.owner === undefined ? {} : { owner: query.owner }),
      ...(query.team === undefined ? {} : { team: this.readAccess.teamSpells(query.team, query.knownAt) }),
      ...(visibleTo === undefined ? {} : { visibleTo }),
    };
    const currency = query.currency ?? 'EUR';
    const { pipeline, excluded } = pipelineAt(model, { asOf, horizon, currency, filter });
    return {
      horizon,
      asOf,
      knownAt: moment.knownAt,
      currency,
      scope: { team: query.team ?? null, owner: query.owner ?? null },
      openDeals: pipeline.open.length,
      methods: forecastMethods(pipeline, horizon, methods),
      coverage: coverageOf(pipeline, horizon),
      excluded,
    };
  }
}
