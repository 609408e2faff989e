import { applyDecorators } from '@nestjs/common';
import { PageLimit, PageOffset } from '../http/paging';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { WIN_RATE_DIMENSIONS, type WinRateDimension } from '@ltc/read-models';
import { IsCalendarMoment } from '../http/calendar';
import { ID_PATTERN } from '../http/common.dto';

const POSITION = /^\d{20}(\/\d{20})?$/;

/** The `currency=` query of the forecasts and the funnel: what their amounts are reported in. */
export const ReportingCurrencyParam = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'reporting currency (ISO 4217); default REPORTING_CURRENCY (EUR); other currencies convert at the rates in force',
      example: 'EUR',
    }),
    IsOptional(),
    Matches(/^[A-Z]{3}$/),
    Length(3, 3),
  );

/**
 * Every read-model query takes two instants: `asOf` (business time: the facts that had occurred by then,
 * as known now, late entries included) and `knownAt` (knowledge time: only what the log held then).
 */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    description:
      'business instant, an ISO-8601 date or instant (`2026-03-31`, `2026-03-31T18:00:00Z`): the numbers as ' +
      'the world stood then, as known now (facts entered later but dated before it included); a log ' +
      'position is refused (use `knownAt`); omitted with `knownAt`: everything known then',
    example: '2026-03-31T23:59:59Z',
  })
  @IsOptional()
  // A log position passes here so that the handler can say to use knownAt.
  @ValidateIf((_, value) => typeof value !== 'string' || !POSITION.test(value))
  @IsCalendarMoment({ message: 'asOf must be an existing ISO-8601 date or instant' })
  asOf?: string;

  @ApiPropertyOptional({
    description:
      "knowledge instant (ISO-8601, compared with each event's recordedAt) or a log position: only what the " +
      'log held then (no hindsight); with `asOf`, e.g. the funnel on 30 Sep as known on 5 Oct',
    example: '2026-04-05T09:00:00Z',
  })
  @IsOptional()
  @ValidateIf((_, value) => typeof value !== 'string' || !POSITION.test(value))
  @IsCalendarMoment({ message: 'knownAt must be an existing ISO-8601 date or instant, or a log position' })
  knownAt?: string;
}

/** A period `[from, to)`; either end may be open. */
export class PeriodQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'start of the period (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @IsCalendarMoment()
  from?: string;

  @ApiPropertyOptional({ description: 'end of the period (exclusive)', example: '2026-04-01' })
  @IsOptional()
  @IsCalendarMoment()
  to?: string;
}

export class DealFilterQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ description: 'deals this user owns', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  owner?: string;

  @ApiPropertyOptional({
    description: 'with `role`: deals where this user holds the role; alone: deals they own or work on',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  person?: string;

  @ApiPropertyOptional({ enum: ['AR', 'SR', 'FR'], description: 'a role on the deal (iron triangle)' })
  @IsOptional()
  @IsIn(['AR', 'SR', 'FR'])
  role?: 'AR' | 'SR' | 'FR';

  @ApiPropertyOptional({ description: "a team: its members' deals (as owners, or in `role`)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ enum: ['strategic', 'ordinary'] })
  @IsOptional()
  @IsIn(['strategic', 'ordinary'])
  segment?: 'strategic' | 'ordinary';

  @ApiPropertyOptional({ enum: ['new', 'existing'] })
  @IsOptional()
  @IsIn(['new', 'existing'])
  customerType?: 'new' | 'existing';
}

export class FunnelQueryDto extends DealFilterQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    default: 30,
    minimum: 1,
    maximum: 3650,
    description: 'days in one stage that make a deal stalled',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  stalledDays = 30;

  @ReportingCurrencyParam()
  currency?: string;
}

export class FunnelTrendQueryDto extends DealFilterQueryDto {
  @ApiPropertyOptional({
    enum: ['day', 'week', 'month'],
    default: 'week',
    description: 'one point per step from `from` to `to` (at most 400 points)',
  })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  every: 'day' | 'week' | 'month' = 'week';

  @ReportingCurrencyParam()
  currency?: string;
}

export class LeadFunnelQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ description: 'only leads from this source', example: 'referral' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ description: 'leads this user owns', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  owner?: string;
}

export class WinRateQueryDto extends DealFilterQueryDto {
  @ApiPropertyOptional({ enum: WIN_RATE_DIMENSIONS, default: 'rep' })
  @IsOptional()
  @IsIn(WIN_RATE_DIMENSIONS)
  by: WinRateDimension = 'rep';

  @ApiPropertyOptional({ enum: ['month', 'quarter'], default: 'month', description: 'for `by=period`' })
  @IsOptional()
  @IsIn(['month', 'quarter'])
  periodUnit: 'month' | 'quarter' = 'month';
}

export class ActivityQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['day', 'month', 'quarter'], default: 'month' })
  @IsOptional()
  @IsIn(['day', 'month', 'quarter'])
  unit: 'day' | 'month' | 'quarter' = 'month';

  @ApiPropertyOptional({ description: 'one rep', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  rep?: string;

  @ApiPropertyOptional({ description: "a team's reps" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;
}

export class GateDecisionQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ description: 'one deal or contract stream', example: 'opportunity-7f3a' })
  @IsOptional()
  @Matches(/^(opportunity|contract)-[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
  stream?: string;

  @ApiPropertyOptional({
    enum: ['opportunityApproval', 'solutionConsensus', 'quoteReview', 'deliveryHandover'],
  })
  @IsOptional()
  @IsIn(['opportunityApproval', 'solutionConsensus', 'quoteReview', 'deliveryHandover'])
  gate?: string;

  @ApiPropertyOptional({ enum: ['open', 'passed', 'rejected', 'discarded'] })
  @IsOptional()
  @IsIn(['open', 'passed', 'rejected', 'discarded'])
  outcome?: 'open' | 'passed' | 'rejected' | 'discarded';

  @ApiPropertyOptional({ description: 'rounds this user voted in', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  voter?: string;

  @PageLimit(50, 500)
  limit = 50;

  @PageOffset()
  offset = 0;
}

export class ExportQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}
