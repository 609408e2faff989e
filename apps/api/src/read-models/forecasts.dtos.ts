import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BACKTEST_TRIALS, FORECAST_METHODS, MAX_BACKTEST_WEEKS } from '@ltc/read-models';
import { ForecastCallInForceDto } from '../forecasts/forecast-calls.dtos';
import { ID_PATTERN } from '../http/common.dto';
import { AsOfQueryDto, ReportingCurrencyParam } from './read-model.request.dtos';

/** Which forecast: the methods, the scope (owner, team) and the reporting currency. */
export class ForecastScopeQueryDto {
  @ApiPropertyOptional({
    description: `one method or a comma-separated list of ${FORECAST_METHODS.join(', ')}; default all`,
    example: 'stage-weighted,monte-carlo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  method?: string;

  @ApiPropertyOptional({
    description: "a team: its members' deals (owners in the team at the forecast's instant)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ description: 'deals this user owns', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  owner?: string;

  @ReportingCurrencyParam()
  currency?: string;
}

export class ForecastQueryDto extends IntersectionType(AsOfQueryDto, ForecastScopeQueryDto) {
  @ApiPropertyOptional({
    description:
      'the period the forecast is for: a month (`2026-11`) or a quarter (`2026-Q4`); default the quarter of asOf',
    example: '2026-Q4',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  horizon?: string;
}

/** The answer of GET /api/forecasts (`ForecastResponse` of @ltc/read-models); methods are documented there. */
export class ForecastDto {
  @ApiProperty({
    description: 'the period and its business interval [from, to)',
    example: { period: '2026-Q4', from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
  })
  horizon!: object;
  @ApiProperty()
  asOf!: string;
  @ApiProperty({ nullable: true, type: String })
  knownAt!: string | null;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: { team: null, owner: null } })
  scope!: object;
  @ApiProperty()
  openDeals!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'one answer per method: expectedMinor (already won + expected from open deals), contributions per deal ' +
      '(probability used, expectedMinor, why); stage/category probabilities as applied; historical rates with ' +
      'the counts learned from; Monte Carlo seed, trials, p10Minor, p50Minor, p90Minor, meanMinor',
  })
  methods!: object[];
  @ApiProperty({
    description:
      'open pipeline expected in the horizon against the targets of the scope for the periods inside it (coverage null without a target)',
  })
  coverage!: object;
  @ApiProperty({
    nullable: true,
    type: Object,
    description:
      'the exchange rate table in force at asOf as known at knownAt: tableId, base, effectiveFrom, rates',
  })
  rates!: object | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'per currency: openDeals, openAmountMinor (own currency), openReportingMinor (null: no rate), wonDeals, wonAmountMinor, wonReportingMinor',
  })
  currencies!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'open deals in a currency no rate in force converts, listed per currency with their ids',
  })
  excluded!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'deals won in the horizon before asOf that no rate converts, listed per currency with their ids',
  })
  excludedWon!: object[];
  @ApiProperty({
    type: [ForecastCallInForceDto],
    description:
      'the forecast calls for the horizon in force at asOf as known at knownAt, visible to the caller',
  })
  calls!: ForecastCallInForceDto[];
}

export class BacktestQueryDto extends ForecastScopeQueryDto {
  @ApiProperty({ description: 'the first week W (ISO-8601 date or instant)', example: '2026-01-05' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiProperty({
    description: `the last week W at the latest; at most ${MAX_BACKTEST_WEEKS} weeks (two years) from \`from\``,
    example: '2026-12-28',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ description: 'the step between forecasts: `week` (the only one)', example: 'week' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  every?: string;

  @ApiPropertyOptional({
    description:
      'what each week forecasts: `quarter` (default) or `month`, the period holding W; or one period (`2026-Q4`) for every W',
    example: 'quarter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  horizon?: string;

  @ApiPropertyOptional({
    type: Number,
    description: `Monte Carlo trials per week (default ${BACKTEST_TRIALS}, at most 10,000)`,
    minimum: 100,
    maximum: 10_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(10_000)
  trials?: number;
}

/** The answer of GET /api/forecasts/backtest (`BacktestResponse` of @ltc/read-models). */
export class BacktestDto {
  @ApiProperty()
  from!: string;
  @ApiProperty()
  to!: string;
  @ApiProperty({ example: 'week' })
  every!: string;
  @ApiProperty({ example: 'quarter' })
  horizon!: string;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: { team: null, owner: null } })
  scope!: object;
  @ApiProperty({ type: [String] })
  methods!: string[];
  @ApiProperty({
    description: 'stage and category probabilities, minDeals, Monte Carlo seed and trials, as applied',
  })
  settings!: object;
  @ApiProperty({ description: 'when the actuals were read: a row whose horizon ends later is not settled' })
  actualsAt!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'per week W: at, horizon, forecasts (method, expectedMinor, Monte Carlo p10/p50/p90Minor), calls in force ' +
      '(rep, manager), actual (wonMinor = wonBeforeMinor + openAtWMinor + createdAfterWMinor), reconstructed, settled',
  })
  rows!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'per method and level of calls: rows scored, skipped, mape and bias (four decimals)',
  })
  accuracy!: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'per method: deal-weeks scored, Brier score, reliability by decile of the probability',
  })
  calibration!: object[];
  @ApiProperty({ description: 'imported history in the weeks sampled' })
  imported!: boolean;
  @ApiProperty({ nullable: true, type: String })
  importedUntil!: string | null;
  @ApiProperty({ nullable: true, type: String })
  note!: string | null;
}
