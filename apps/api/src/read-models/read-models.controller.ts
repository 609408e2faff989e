import { Controller, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiReadModel } from './api-read-model.decorator';
import {
  GetActivityQuery,
  GetFunnelQuery,
  GetFunnelTrendQuery,
  GetGateDecisionsQuery,
  GetLeadFunnelQuery,
  GetLossesQuery,
  GetWinRatesQuery,
} from './read-model.queries';
import {
  ActivityQueryDto,
  DealFilterQueryDto,
  FunnelQueryDto,
  FunnelTrendQueryDto,
  GateDecisionQueryDto,
  LeadFunnelQueryDto,
  WinRateQueryDto,
} from './read-model.request.dtos';
import {
  ActivityDto,
  FunnelDto,
  FunnelTrendDto,
  GateDecisionsDto,
  LeadFunnelDto,
  LossesDto,
  WinRatesDto,
} from './read-model.response.dtos';

/** The numbers sales managers read: funnel, win rates, losses, activity and gate decisions, as of any moment. */
@ApiTags('read models')
@Controller('api')
export class ReadModelsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiReadModel(
    'funnel',
    'getFunnel',
    'opportunities per stage (count, amount), entries, exits, conversion, time in stage, stalled deals',
    FunnelDto,
  )
  funnel(@CurrentActor() actor: Actor, @Query() query: FunnelQueryDto) {
    return this.queries.execute(new GetFunnelQuery(actor, query));
  }

  @ApiReadModel(
    'funnel/trend',
    'getFunnelTrend',
    'the pipeline at each step from `from` to `to` (open deals and amount, won/lost/abandoned in the step), as known at `knownAt`, in one pass over the log',
    FunnelTrendDto,
  )
  trend(@CurrentActor() actor: Actor, @Query() query: FunnelTrendQueryDto) {
    return this.queries.execute(new GetFunnelTrendQuery(actor, query));
  }

  @ApiReadModel(
    'funnel/leads',
    'getLeadFunnel',
    'leads captured in a period by source: qualified, converted, disqualified',
    LeadFunnelDto,
  )
  leads(@CurrentActor() actor: Actor, @Query() query: LeadFunnelQueryDto) {
    return this.queries.execute(new GetLeadFunnelQuery(actor, query));
  }

  @ApiReadModel(
    'win-rates',
    'getWinRates',
    'won / (won + lost) by rep, role, team, segment, customer type, size band or period; abandoned apart',
    WinRatesDto,
  )
  winRates(@CurrentActor() actor: Actor, @Query() query: WinRateQueryDto) {
    return this.queries.execute(new GetWinRatesQuery(actor, query));
  }

  @ApiReadModel(
    'win-rates/losses',
    'getLosses',
    'loss reasons and competitors ranked; abandoned deals apart',
    LossesDto,
  )
  losses(@CurrentActor() actor: Actor, @Query() query: DealFilterQueryDto) {
    return this.queries.execute(new GetLossesQuery(actor, query));
  }

  @ApiReadModel(
    'activity',
    'getActivity',
    'process measures per rep and period: touches by channel, leads, conversion rate',
    ActivityDto,
  )
  activity(@CurrentActor() actor: Actor, @Query() query: ActivityQueryDto) {
    return this.queries.execute(new GetActivityQuery(actor, query));
  }

  @ApiReadModel(
    'gate-decisions',
    'getGateDecisions',
    'review gate rounds with every vote and the policy in force',
    GateDecisionsDto,
  )
  gateDecisions(@CurrentActor() actor: Actor, @Query() query: GateDecisionQueryDto) {
    return this.queries.execute(new GetGateDecisionsQuery(actor, query));
  }
}
