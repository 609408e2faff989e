import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type ProjectionStatus } from '@ltc/projections';
import {
  activityProjection,
  activityReport,
  funnelProjection,
  funnelReport,
  gateDecisions,
  gateDecisionsProjection,
  leadFunnel,
  lossReport,
  winRateProjection,
  winRates,
  type DealFilter,
  type GateDecisionPage,
  type Period,
} from '@ltc/read-models';
import type { Actor } from '@ltc/engine';
import { AsOfReadModels } from './as-of-read-models.service';
import { ReadModelAccess } from './read-model.access';
import {
  GetActivityQuery,
  GetFunnelQuery,
  GetGateDecisionsQuery,
  GetLeadFunnelQuery,
  GetLossesQuery,
  GetProjectionStatusQuery,
  GetWinRatesQuery,
  type At,
} from './read-model.queries';
import type { DealFilterQueryDto, PeriodQueryDto } from './read-model.request.dtos';
import { ReadModels } from './read-models.service';

const period = (p: PeriodQueryDto): Period => ({
  ...(p.from === undefined ? {} : { from: p.from }),
  ...(p.to === undefined ? {} : { to: p.to }),
});

/** The query's filter plus what the caller may see. */
function dealFilter(p: DealFilterQueryDto, actor: Actor, access: ReadModelAccess): DealFilter {
  const visibleTo = access.visibleTo(actor);
  return {
    ...(p.owner === undefined ? {} : { owner: p.owner }),
    ...(p.person === undefined ? {} : { person: p.person }),
    ...(p.role === undefined ? {} : { role: p.role }),
    ...(p.team === undefined ? {} : { team: access.teamMembers(p.team) }),
    ...(p.segment === undefined ? {} : { segment: p.segment }),
    ...(p.customerType === undefined ? {} : { customerType: p.customerType }),
    ...(visibleTo === undefined ? {} : { visibleTo }),
  };
}

@QueryHandler(GetFunnelQuery)
export class GetFunnelHandler implements IQueryHandler<GetFunnelQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetFunnelQuery) {
    const { model, moment } = await this.models.open(funnelProjection, params.asOf);
    return {
      asOf: moment,
      ...funnelReport(model, {
        filter: dealFilter(params, actor, this.access),
        period: period(params),
        stalledDays: params.stalledDays,
        now: moment.instant,
      }),
    };
  }
}

@QueryHandler(GetLeadFunnelQuery)
export class GetLeadFunnelHandler implements IQueryHandler<GetLeadFunnelQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetLeadFunnelQuery) {
    const { model, moment } = await this.models.open(funnelProjection, params.asOf);
    const visibleTo = this.access.visibleTo(actor);
    return {
      asOf: moment,
      ...leadFunnel(model, {
        period: period(params),
        ...(params.source === undefined ? {} : { source: params.source }),
        ...(params.owner === undefined ? {} : { owner: params.owner }),
        ...(visibleTo === undefined ? {} : { visibleTo }),
      }),
    };
  }
}

@QueryHandler(GetWinRatesQuery)
export class GetWinRatesHandler implements IQueryHandler<GetWinRatesQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetWinRatesQuery) {
    const { model, moment } = await this.models.open(winRateProjection, params.asOf);
    return {
      asOf: moment,
      ...winRates(model, {
        by: params.by,
        periodUnit: params.periodUnit,
        filter: dealFilter(params, actor, this.access),
        period: period(params),
        teamOf: (user) => this.access.teamOf(user),
      }),
    };
  }
}

@QueryHandler(GetLossesQuery)
export class GetLossesHandler implements IQueryHandler<GetLossesQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetLossesQuery) {
    const { model, moment } = await this.models.open(winRateProjection, params.asOf);
    return { asOf: moment, ...lossReport(model, dealFilter(params, actor, this.access), period(params)) };
  }
}

@QueryHandler(GetActivityQuery)
export class GetActivityHandler implements IQueryHandler<GetActivityQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetActivityQuery) {
    const { model, moment } = await this.models.open(activityProjection, params.asOf);
    const reps =
      params.rep !== undefined
        ? [params.rep]
        : params.team !== undefined
          ? this.access.teamMembers(params.team)
          : undefined;
    const visibleTo = this.access.visibleTo(actor);
    return {
      asOf: moment,
      rows: activityReport(model, {
        unit: params.unit,
        ...period(params),
        ...(reps === undefined ? {} : { reps }),
        ...(visibleTo === undefined ? {} : { visibleTo }),
      }),
    };
  }
}

@QueryHandler(GetGateDecisionsQuery)
export class GetGateDecisionsHandler implements IQueryHandler<GetGateDecisionsQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetGateDecisionsQuery): Promise<At<GateDecisionPage>> {
    const { model, moment } = await this.models.open(gateDecisionsProjection, params.asOf);
    const visibleTo = this.access.visibleTo(actor);
    return {
      asOf: moment,
      ...gateDecisions(model, {
        ...(params.stream === undefined ? {} : { streamId: params.stream }),
        ...(params.gate === undefined ? {} : { gate: params.gate }),
        ...(params.outcome === undefined ? {} : { outcome: params.outcome }),
        ...(params.voter === undefined ? {} : { voter: params.voter }),
        period: period(params),
        ...(visibleTo === undefined ? {} : { visibleTo }),
        limit: params.limit,
        offset: params.offset,
      }),
    };
  }
}

@QueryHandler(GetProjectionStatusQuery)
export class GetProjectionStatusHandler implements IQueryHandler<GetProjectionStatusQuery> {
  constructor(private readonly readModels: ReadModels) {}

  execute(): Promise<readonly ProjectionStatus[]> {
    return this.readModels.status();
  }
}
