import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@ltc/domain';
import type { ProjectionStatus } from '@ltc/projections';
import type {
  ActivityRow,
  AuditTimeline,
  FunnelReport,
  GateDecisionPage,
  GateRoundView,
  GateVoteView,
  LeadFunnelReport,
  LeadFunnelRow,
  LossReport,
  Ranked,
  ReportedFunnel,
  ReportedStageRow,
  ReportedTrendPoint,
  StageRow,
  StalledDeal,
  StreamVerification,
  TimelineEntry,
  WinRateGroup,
  WinRateReport,
} from '@ltc/read-models';
import type { FunnelTrend } from './read-model.queries';
import type { Documents } from './report-shape';
import { RatesShownDto, ReportingAmountDto } from './reporting-currency.dtos';

export class MoneyView {
  @ApiProperty({ example: 12_000_000, description: 'integer minor units' })
  amountMinor!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
}

export class MomentDto {
  @ApiProperty({ description: 'true for the live read model, false for a replay as of asOf / knownAt' })
  live!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the last log position the numbers include' })
  position!: string | null;
  @ApiProperty({
    description: 'the "now" of the numbers (stalled deals): asOf, else the knownAt instant, else now',
  })
  instant!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the business instant asked for' })
  asOf!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the knowledge bound asked for: an instant (recordedAt) or a log position',
  })
  knownAt!: string | null;
}

class TimeInStageDto {
  @ApiProperty({ description: 'completed stays that ended in the period' })
  stays!: number;
  @ApiProperty({ nullable: true, type: Number })
  medianDays!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  p90Days!: number | null;
}

class StageRowDto {
  @ApiProperty({ example: 'open.negotiation', description: 'the opportunity machine state' })
  stage!: string;
  @ApiProperty({ description: 'deals in the stage now (final stages: every deal that ended there)' })
  deals!: number;
  @ApiProperty({ type: [MoneyView], description: 'their amounts, per currency' })
  amount!: MoneyView[];
  @ApiProperty({ description: 'entries in the period' })
  entered!: number;
  @ApiProperty({ description: 'exits in the period' })
  exited!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'share of the exits that moved forward' })
  conversion!: number | null;
  @ApiProperty({ type: TimeInStageDto })
  timeInStage!: TimeInStageDto;
  @ApiProperty({ description: 'deals in the stage longer than `stalledDays`' })
  stalled!: number;
  @ApiProperty({
    type: ReportingAmountDto,
    description:
      "`amount` in the reporting currency: each currency's amount converted once at the table in force",
  })
  reporting!: ReportingAmountDto;
}

class MoveDto {
  @ApiProperty()
  from!: string;
  @ApiProperty()
  to!: string;
  @ApiProperty()
  count!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'count / exits from `from`' })
  rate!: number | null;
}

class StalledDealDto {
  @ApiProperty()
  opportunityId!: string;
  @ApiProperty()
  stage!: string;
  @ApiProperty({ description: 'in the stage since' })
  since!: string;
  @ApiProperty()
  days!: number;
  @ApiProperty()
  owner!: string;
  @ApiProperty({ type: MoneyView })
  amount!: MoneyView;
}

class FunnelTotalsDto {
  @ApiProperty()
  open!: number;
  @ApiProperty({ type: [MoneyView] })
  amount!: MoneyView[];
  @ApiProperty({ description: 'won in the period' })
  won!: number;
  @ApiProperty()
  lost!: number;
  @ApiProperty()
  abandoned!: number;
  @ApiProperty({
    type: ReportingAmountDto,
    description: "the open deals' amount in the reporting currency: the sum of the open stages' `reporting`",
  })
  reporting!: ReportingAmountDto;
}

export class FunnelDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ type: [StageRowDto] })
  stages!: StageRowDto[];
  @ApiProperty({ type: [MoveDto] })
  moves!: MoveDto[];
  @ApiProperty({ type: [StalledDealDto] })
  stalled!: StalledDealDto[];
  @ApiProperty({ type: FunnelTotalsDto })
  totals!: FunnelTotalsDto;
  @ApiProperty({
    example: 'EUR',
    description: 'the reporting currency (`currency=`, default REPORTING_CURRENCY)',
  })
  currency!: string;
  @ApiProperty({
    type: RatesShownDto,
    nullable: true,
    description:
      'the exchange rate table in force at the instant of the numbers as known at knownAt; null: none',
  })
  rates!: RatesShownDto | null;
}

class TrendStageDto {
  @ApiProperty({ example: 'open.negotiation' })
  stage!: string;
  @ApiProperty({ description: 'deals in the stage at the point' })
  deals!: number;
  @ApiProperty({ type: [MoneyView] })
  amount!: MoneyView[];
  @ApiProperty({ description: 'entries in the step ending at the point' })
  entered!: number;
  @ApiProperty({ description: 'exits in the step ending at the point' })
  exited!: number;
  @ApiProperty({ type: ReportingAmountDto, description: '`amount` in the reporting currency at the point' })
  reporting!: ReportingAmountDto;
}

class FunnelTrendPointDto {
  @ApiProperty({ description: 'the business instant of the point' })
  asOf!: string;
  @ApiProperty({ description: 'open deals then' })
  open!: number;
  @ApiProperty({ type: [MoneyView], description: 'their amounts, per currency' })
  amount!: MoneyView[];
  @ApiProperty({ description: 'won in the step ending at the point' })
  won!: number;
  @ApiProperty()
  lost!: number;
  @ApiProperty()
  abandoned!: number;
  @ApiProperty({ type: [TrendStageDto] })
  stages!: TrendStageDto[];
  @ApiProperty({
    type: ReportingAmountDto,
    description: "the open deals' amount in the reporting currency: the sum of the open stages'",
  })
  reporting!: ReportingAmountDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'the exchange rate table in force at the point as known at knownAt (its event id); null: none',
  })
  rateTableId!: string | null;
}

export class FunnelTrendDto {
  @ApiProperty({ enum: ['day', 'week', 'month'] })
  every!: 'day' | 'week' | 'month';
  @ApiProperty({ nullable: true, type: String, description: 'the knowledge bound asked for, if any' })
  knownAt!: string | null;
  @ApiProperty({ example: 'EUR', description: 'the reporting currency of every `reporting` amount' })
  currency!: string;
  @ApiProperty({ type: [FunnelTrendPointDto] })
  points!: FunnelTrendPointDto[];
}

class LeadFunnelRowDto {
  @ApiProperty({ example: 'referral' })
  source!: string;
  @ApiProperty()
  captured!: number;
  @ApiProperty()
  qualified!: number;
  @ApiProperty()
  converted!: number;
  @ApiProperty()
  disqualified!: number;
  @ApiProperty()
  open!: number;
  @ApiProperty({ nullable: true, type: Number })
  qualificationRate!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  conversionRate!: number | null;
}

export class LeadFunnelDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ type: [LeadFunnelRowDto] })
  bySource!: LeadFunnelRowDto[];
  @ApiProperty({ type: LeadFunnelRowDto })
  total!: LeadFunnelRowDto;
}

class WinRateGroupDto {
  @ApiProperty({ example: 'ann', description: 'the value of the dimension (`AR:ann` for roles)' })
  key!: string;
  @ApiProperty()
  won!: number;
  @ApiProperty()
  lost!: number;
  @ApiProperty({ description: 'counted apart: never as lost' })
  abandoned!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'won / (won + lost)' })
  winRate!: number | null;
  @ApiProperty({ type: [MoneyView] })
  wonAmount!: MoneyView[];
  @ApiProperty({ type: [MoneyView] })
  lostAmount!: MoneyView[];
  @ApiProperty({ type: [MoneyView] })
  abandonedAmount!: MoneyView[];
}

export class WinRatesDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ example: 'rep' })
  by!: string;
  @ApiProperty({ type: [WinRateGroupDto] })
  groups!: WinRateGroupDto[];
  @ApiProperty({ type: WinRateGroupDto })
  total!: WinRateGroupDto;
}

class RankedDto {
  @ApiProperty()
  value!: string;
  @ApiProperty()
  count!: number;
  @ApiProperty({ type: [MoneyView] })
  amount!: MoneyView[];
}

class AbandonedDto {
  @ApiProperty()
  count!: number;
  @ApiProperty({ type: [RankedDto] })
  reasons!: RankedDto[];
  @ApiProperty({ type: [RankedDto] })
  stages!: RankedDto[];
}

export class LossesDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty()
  lost!: number;
  @ApiProperty({ type: [RankedDto] })
  reasons!: RankedDto[];
  @ApiProperty({ type: [RankedDto] })
  competitors!: RankedDto[];
  @ApiProperty({ type: [RankedDto] })
  stages!: RankedDto[];
  @ApiProperty({ type: AbandonedDto })
  abandoned!: AbandonedDto;
}

class LeadCountsDto {
  @ApiProperty()
  captured!: number;
  @ApiProperty()
  received!: number;
  @ApiProperty()
  qualified!: number;
  @ApiProperty()
  converted!: number;
  @ApiProperty()
  disqualified!: number;
}

class OpportunityCountsDto {
  @ApiProperty()
  opened!: number;
  @ApiProperty()
  won!: number;
  @ApiProperty()
  lost!: number;
}

class ActivityRowDto {
  @ApiProperty()
  rep!: string;
  @ApiProperty({ example: '2026-03' })
  period!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { visit: 2, call: 5 } })
  touches!: Record<string, number>;
  @ApiProperty()
  touchesTotal!: number;
  @ApiProperty({ type: LeadCountsDto })
  leads!: LeadCountsDto;
  @ApiProperty({ nullable: true, type: Number, description: 'converted / (converted + disqualified)' })
  conversionRate!: number | null;
  @ApiProperty({ type: OpportunityCountsDto })
  opportunities!: OpportunityCountsDto;
}

export class ActivityDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ type: [ActivityRowDto] })
  rows!: ActivityRowDto[];
}

class GateVoteDto {
  @ApiProperty({ enum: ['AR', 'SR', 'FR'] })
  role!: string;
  @ApiProperty()
  voter!: string;
  @ApiProperty({ enum: ['approve', 'reject'] })
  decision!: string;
  @ApiProperty()
  reason!: string;
  @ApiProperty()
  at!: string;
}

class GateRoundDto {
  @ApiProperty()
  streamId!: string;
  @ApiProperty()
  gate!: string;
  @ApiProperty()
  round!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the policy in force for the round',
  })
  policy!: unknown;
  @ApiProperty()
  requestedAt!: string;
  @ApiProperty()
  requestedBy!: string;
  @ApiProperty({ type: [GateVoteDto] })
  votes!: GateVoteDto[];
  @ApiProperty({ enum: ['open', 'passed', 'rejected', 'discarded'] })
  outcome!: string;
  @ApiProperty({ nullable: true, type: String })
  decidedAt!: string | null;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    nullable: true,
  })
  reasons!: unknown;
  @ApiProperty()
  position!: string;
}

export class GateDecisionsDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ type: [GateRoundDto] })
  rounds!: GateRoundDto[];
  @ApiProperty()
  total!: number;
}

class TimelineEntryDto {
  @ApiProperty()
  revision!: number;
  @ApiProperty()
  position!: string;
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty()
  occurredAt!: string;
  @ApiProperty()
  recordedAt!: string;
  @ApiProperty()
  actor!: string;
  @ApiProperty({ type: [String] })
  actorRoles!: string[];
  @ApiProperty({ nullable: true, type: String })
  commandType!: string | null;
  @ApiProperty({ nullable: true, type: String })
  commandId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  correlationId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  causationId!: string | null;
  @ApiProperty()
  stateBefore!: string;
  @ApiProperty({ description: 'the state the deal had after this event' })
  stateAfter!: string;
  @ApiProperty()
  refused!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: unknown;
  @ApiProperty({ nullable: true, type: String })
  previousHash!: string | null;
  @ApiProperty({ nullable: true, type: String })
  hash!: string | null;
}

export class AuditTimelineDto {
  @ApiProperty({ type: MomentDto })
  asOf!: MomentDto;
  @ApiProperty({ example: 'opportunity-7f3a' })
  streamId!: string;
  @ApiProperty({ enum: ['lead', 'opportunity', 'contract', 'customer'] })
  kind!: string;
  @ApiProperty({ description: 'the state as of the moment asked for' })
  state!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  context!: unknown;
  @ApiProperty({ type: [TimelineEntryDto] })
  entries!: TimelineEntryDto[];
}

class ChainBreakDto {
  @ApiProperty()
  revision!: number;
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  position!: string;
  @ApiProperty({ example: 'hash does not match the event content' })
  reason!: string;
}

export class VerificationDto {
  @ApiProperty()
  streamId!: string;
  @ApiProperty()
  events!: number;
  @ApiProperty({ description: 'true when every hash and link matches' })
  ok!: boolean;
  @ApiProperty({ type: ChainBreakDto, nullable: true, description: 'the first event that does not match' })
  firstBreak!: ChainBreakDto | null;
}

export class ProjectionStatusDto {
  @ApiProperty({ example: 'funnel' })
  name!: string;
  @ApiProperty()
  version!: number;
  @ApiProperty()
  generation!: number;
  @ApiProperty({ enum: ['building', 'serving'] })
  status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'checkpoint: last log position applied' })
  position!: string | null;
  @ApiProperty({ nullable: true, type: String })
  head!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'positions behind the head of the log' })
  lag!: number | null;
  @ApiProperty()
  caughtUp!: boolean;
  @ApiProperty()
  events!: number;
  @ApiProperty({ description: 'events the machine refused while folding' })
  errors!: number;
  @ApiProperty({ nullable: true, type: String })
  owner!: string | null;
}

// Compile-time checks: each DTO documents exactly the report type the library returns (drift fails typecheck).
type Row<T> = T extends readonly (infer U)[] ? U : never;
const _money: Documents<MoneyView, Money> = true;
const _timeInStage: Documents<TimeInStageDto, StageRow['timeInStage']> = true;
const _stageRow: Documents<StageRowDto, ReportedStageRow> = true;
const _move: Documents<MoveDto, Row<FunnelReport['moves']>> = true;
const _stalled: Documents<StalledDealDto, StalledDeal> = true;
const _funnelTotals: Documents<FunnelTotalsDto, ReportedFunnel['totals']> = true;
const _funnel: Documents<FunnelDto, ReportedFunnel, 'asOf'> = true;
const _trendStage: Documents<TrendStageDto, Row<ReportedTrendPoint['stages']>> = true;
const _trendPoint: Documents<FunnelTrendPointDto, ReportedTrendPoint> = true;
const _trend: Documents<FunnelTrendDto, FunnelTrend> = true;
const _leadFunnelRow: Documents<LeadFunnelRowDto, LeadFunnelRow> = true;
const _leadFunnel: Documents<LeadFunnelDto, LeadFunnelReport, 'asOf'> = true;
const _winRateGroup: Documents<WinRateGroupDto, WinRateGroup> = true;
const _winRates: Documents<WinRatesDto, WinRateReport, 'asOf'> = true;
const _ranked: Documents<RankedDto, Ranked> = true;
const _abandoned: Documents<AbandonedDto, LossReport['abandoned']> = true;
const _losses: Documents<LossesDto, LossReport, 'asOf'> = true;
const _leadCounts: Documents<LeadCountsDto, ActivityRow['leads']> = true;
const _opportunityCounts: Documents<OpportunityCountsDto, ActivityRow['opportunities']> = true;
const _activityRow: Documents<ActivityRowDto, ActivityRow> = true;
const _gateVote: Documents<GateVoteDto, GateVoteView> = true;
const _gateRound: Documents<GateRoundDto, GateRoundView> = true;
const _gateDecisions: Documents<GateDecisionsDto, GateDecisionPage, 'asOf'> = true;
const _timelineEntry: Documents<TimelineEntryDto, TimelineEntry> = true;
// The api leaves out the machine snapshot (it only feeds visibility rules).
const _auditTimeline: Documents<AuditTimelineDto, Omit<AuditTimeline, 'snapshot'>, 'asOf'> = true;
const _verification: Documents<VerificationDto, StreamVerification> = true;
const _projectionStatus: Documents<ProjectionStatusDto, ProjectionStatus> = true;
