import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type ProjectionStatus } from '@ltc/projections';
import {
  activityProjection,
  activityReport,
  funnelProjection,
  funnelReport,
  funnelTrendPoint,
  instant,
  trendInstants,
  gateDecisions,
  gateDecisionsProjection,
  leadFunnel,
  lossReport,
  reportFunnelIn,
  reportTrendPointIn,
  winRateProjection,
  winRates,
  type DealFilter,
  type GateDecisionPage,
  type Period,
} from '@ltc/read-models';
import type { Actor } from '@ltc/engine';
import { InvalidInputException } from '../http/validation';
import { AsOfReadModels, parseMoment } from './as-of-read-models.service';
import { ForecastFactsService } from './forecast-facts.service';
import { ReadModelAccess } from './read-model.access';
import {
  GetActivityQuery,
  GetFunnelQuery,
  GetFunnelTrendQuery,
  GetGateDecisionsQuery,
  GetLeadFunnelQuery,
  GetLossesQuery,
  GetProjectionStatusQuery,
  GetWinRatesQuery,
  type At,
  type FunnelTrend,
} from './read-model.queries';
import type { DealFilterQueryDto, PeriodQueryDto } from './read-model.request.dtos';
import { ReadModels } from './read-models.service';

const period = (p: PeriodQueryDto): Period => ({
  ...(p.from === undefined ? {} : { from: p.from }),
  ...(p.to === undefined ? {} : { to: p.to }),
});

/** The query's filter plus what the caller may see. */
function dealFilter(
  p: DealFilterQueryDto & { knownAt?: string },
  actor: Actor,
  access: ReadModelAccess,
): DealFilter {
  const visibleTo = access.visibleTo(actor);
  return {
    ...(p.owner === undefined ? {} : { owner: p.owner }),
    ...(p.person === undefined ? {} : { person: p.person }),
    ...(p.role === undefined ? {} : { role: p.role }),
    ...(p.team === undefined ? {} : { team: access.teamSpells(p.team, p.knownAt) }),
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
    private readonly facts: ForecastFactsService,
  ) {}

  async execute({ actor, params }: GetFunnelQuery) {
    // The currency first: a bad one is a 400 before any replay.
    const currency = this.facts.currencyOf(params.currency);
    const knownAt = parseMoment(params)?.knownAt;
    const { model, moment } = await this.models.open(funnelProjection, params);
    const report = funnelReport(model, {
      filter: dealFilter(params, actor, this.access),
      period: period(params),
      stalledDays: params.stalledDays,
      now: moment.instant,
    });
    const reporting = await this.facts.reportingIn(currency, moment.instant, knownAt);
    return { asOf: moment, ...reportFunnelIn(report, reporting) };
  }
}

@QueryHandler(GetFunnelTrendQuery)
export class GetFunnelTrendHandler implements IQueryHandler<GetFunnelTrendQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
    private readonly facts: ForecastFactsService,
  ) {}

  async execute({ actor, params }: GetFunnelTrendQuery): Promise<FunnelTrend> {
    const refuse = (field: string, message: string) =>
      new InvalidInputException([{ field, messages: [message] }]);
    if (params.asOf !== undefined) {
      throw refuse('asOf', 'a trend samples asOf from `from` to `to` every step: pass from and to, not asOf');
    }
    if (params.from === undefined || params.to === undefined) {
      throw refuse(params.from === undefined ? 'from' : 'to', 'a trend needs from and to');
    }
    const from = instant(params.from);
    const to = instant(params.to);
    if (to < from) throw refuse('to', 'to must not be before from');
    let instants: string[];
    try {
      instants = trendInstants(from, to, params.every);
    } catch (error) {
      throw refuse('every', error instanceof Error ? error.message : String(error));
    }
    const filter = dealFilter(params, actor, this.access);
    const known = parseMoment({ knownAt: params.knownAt })?.knownAt;
    const currency = this.facts.currencyOf(params.currency);
    const { knownAt, points } = await this.models.sample(
      funnelProjection,
      instants,
      params.knownAt,
      (model, asOf) => funnelTrendPoint(model, { asOf, every: params.every, filter }),
    );
    const reported = [];
    for (const point of points) {
      reported.push(reportTrendPointIn(point, await this.facts.reportingIn(currency, point.asOf, known)));
    }
    return { every: params.every, knownAt, currency, points: reported };
  }
}

@QueryHandler(GetLeadFunnelQuery)
export class GetLeadFunnelHandler implements IQueryHandler<GetLeadFunnelQuery> {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly access: ReadModelAccess,
  ) {}

  async execute({ actor, params }: GetLeadFunnelQuery) {
    const { model, moment } = await this.models.open(funnelProjection, params);
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
    const { model, moment } = await this.models.open(winRateProjection, params);
    return {
      asOf: moment,
      ...winRates(model, {
        by: params.by,
        periodUnit: params.periodUnit,
        filter: dealFilter(params, actor, this.access),
        period: period(params),
        teamOf: (user, at) => this.access.teamOf(user, at, params.knownAt),
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
    const { model, moment } = await this.models.open(winRateProjection, params);
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
    const { model, moment } = await this.models.open(activityProjection, params);
    const reps = params.rep === undefined ? undefined : [params.rep];
    const team = params.team === undefined ? undefined : this.access.teamSpells(params.team, params.knownAt);
    const visibleTo = this.access.visibleTo(actor);
    return {
      asOf: moment,
      rows: activityReport(model, {
        unit: params.unit,
        ...period(params),
        ...(reps === undefined ? {} : { reps }),
        ...(team === undefined ? {} : { team }),
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
    const { model, moment } = await this.models.open(gateDecisionsProjection, params);
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
