import { Query } from '@nestjs/cqrs';
import type { Actor } from '@ltc/engine';
import { type ProjectionStatus } from '@ltc/projections';
import {
  type ActivityRow,
  type AuditTimeline,
  type ReportedFunnel,
  type ReportedTrendPoint,
  type TrendStep,
  type GateDecisionPage,
  type LeadFunnelReport,
  type LossReport,
  type StreamVerification,
  type WinRateReport,
} from '@ltc/read-models';
import type { Moment, MomentQuery } from './as-of-read-models.service';
import type {
  ActivityQueryDto,
  DealFilterQueryDto,
  FunnelQueryDto,
  FunnelTrendQueryDto,
  GateDecisionQueryDto,
  LeadFunnelQueryDto,
  WinRateQueryDto,
} from './read-model.request.dtos';

export type At<T> = T & Readonly<{ asOf: Moment }>;

export class GetFunnelQuery extends Query<At<ReportedFunnel>> {
  constructor(
    readonly actor: Actor,
    readonly params: FunnelQueryDto,
  ) {
    super();
  }
}

export type FunnelTrend = Readonly<{
  every: TrendStep;
  /** The knowledge bound asked for (an instant or a log position), or null: everything known now. */
  knownAt: string | null;
  /** The reporting currency of every point's `reporting` amounts. */
  currency: string;
  points: readonly ReportedTrendPoint[];
}>;

export class GetFunnelTrendQuery extends Query<FunnelTrend> {
  constructor(
    readonly actor: Actor,
    readonly params: FunnelTrendQueryDto,
  ) {
    super();
  }
}

export class GetLeadFunnelQuery extends Query<At<LeadFunnelReport>> {
  constructor(
    readonly actor: Actor,
    readonly params: LeadFunnelQueryDto,
  ) {
    super();
  }
}

export class GetWinRatesQuery extends Query<At<WinRateReport>> {
  constructor(
    readonly actor: Actor,
    readonly params: WinRateQueryDto,
  ) {
    super();
  }
}

export class GetLossesQuery extends Query<At<LossReport>> {
  constructor(
    readonly actor: Actor,
    readonly params: DealFilterQueryDto,
  ) {
    super();
  }
}

export class GetActivityQuery extends Query<At<{ rows: readonly ActivityRow[] }>> {
  constructor(
    readonly actor: Actor,
    readonly params: ActivityQueryDto,
  ) {
    super();
  }
}

export class GetGateDecisionsQuery extends Query<At<GateDecisionPage>> {
  constructor(
    readonly actor: Actor,
    readonly params: GateDecisionQueryDto,
  ) {
    super();
  }
}

export type TimelineAnswer = At<Omit<AuditTimeline, 'snapshot'>>;

export class GetAuditTimelineQuery extends Query<TimelineAnswer> {
  constructor(
    readonly actor: Actor,
    readonly streamId: string,
    readonly moment: MomentQuery,
  ) {
    super();
  }
}

export class VerifyStreamQuery extends Query<StreamVerification> {
  constructor(
    readonly actor: Actor,
    readonly streamId: string,
  ) {
    super();
  }
}

export class GetProjectionStatusQuery extends Query<readonly ProjectionStatus[]> {}
