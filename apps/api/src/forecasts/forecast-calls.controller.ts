import { Controller, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CLOCK, type Actor, type Clock } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiReadModel } from '../read-models/api-read-model.decorator';
import { parseMoment } from '../read-models/as-of-read-models.service';
import { ForecastFactsService } from '../read-models/forecast-facts.service';
import { ForecastCallsDto, ForecastCallsQueryDto } from './forecast-calls.dtos';

/** The forecast calls in force at a moment: per rep or team line and period, the latest call. */
@ApiTags('read models')
@Controller('api')
export class ForecastCallsController {
  constructor(
    private readonly facts: ForecastFactsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiReadModel(
    'forecasts/calls',
    'getForecastCalls',
    'the forecast calls in force at asOf as known at knownAt (per line the latest); reps see their own, managers their team and reps, ops all',
    ForecastCallsDto,
  )
  async calls(
    @CurrentActor() actor: Actor,
    @Query() query: ForecastCallsQueryDto,
  ): Promise<ForecastCallsDto> {
    const moment = parseMoment(query);
    const knownAt = moment?.knownAt;
    const at =
      moment?.asOf ?? (knownAt !== undefined && 'instant' in knownAt ? knownAt.instant : this.clock.now());
    return {
      asOf: at,
      knownAt: knownAt === undefined ? null : 'instant' in knownAt ? knownAt.instant : knownAt.position,
      period: query.period ?? null,
      calls: await this.facts.callsInForce(actor, { at, knownAt, period: query.period }),
    };
  }
}
