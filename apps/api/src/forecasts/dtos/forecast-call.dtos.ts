import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';
import { FORECAST_CALL_SCOPES, MAX_CALL_MINOR, type ForecastCallScope } from '@ltc/workflow-forecast-call';
import { ID_PATTERN } from '../../http/common.dto';
import { PERIOD_PATTERN } from '../../incentives/dtos/incentive-plan.dtos';

// The DTO checks types and bounds; the workflow checks the rules across fields (commit <= best case, the
// currency known, personId only on an own call), naming the field alike.

const amount = (example: number, description: string): PropertyDecorator => {
  return (target, key) => {
    ApiProperty({ example, minimum: 0, maximum: MAX_CALL_MINOR, description })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_CALL_MINOR)(target, key);
  };
};

export class MakeForecastCallDto {
  @ApiProperty({
    enum: FORECAST_CALL_SCOPES,
    description: "`own`: a rep's call for their own deals; `team`: a manager's call for the team",
  })
  @IsIn(FORECAST_CALL_SCOPES)
  scope!: ForecastCallScope;

  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    nullable: true,
    description: 'own call: whose (default the sender; sales operations may name a rep)',
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  personId?: string | null;

  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    nullable: true,
    description: "team call: the team (default the sender's team)",
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  team?: string | null;

  @ApiProperty({ example: '2026-Q4', pattern: PERIOD_PATTERN.source, description: 'a month or a quarter' })
  @Matches(PERIOD_PATTERN)
  period!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO-4217 code of the amounts' })
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @amount(12_000_000, 'what the caller commits to win in the period, minor units')
  commitMinor!: number;

  @amount(18_000_000, 'the best case (at least the commit), minor units')
  bestCaseMinor!: number;

  @ApiPropertyOptional({ maxLength: LIMITS.prose, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string | null;
}
