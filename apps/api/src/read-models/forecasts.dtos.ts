import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BACKTEST_TRIALS, FORECAST_METHODS, MAX_BACKTEST_WEEKS } from '@ltc/read-models';
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
