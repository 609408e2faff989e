import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../incentives/dtos/incentive-plan.dtos';
import { AsOfQueryDto } from '../read-models/read-model.request.dtos';

export class ForecastCallsQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'only calls for this month or quarter', example: '2026-Q4' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month (2026-11) or a quarter (2026-Q4)' })
  period?: string;
}

/** A call in force (`ForecastCallInForce` of @ltc/read-models). */
export class ForecastCallInForceDto {
  @ApiProperty({ description: 'the id of the event that made the call' })
  callId!: string;
  @ApiProperty({ description: 'who made it' })
  by!: string;
  @ApiProperty({ enum: ['own', 'team'], enumName: 'ForecastCallScope' })
  scope!: 'own' | 'team';
  @ApiProperty({ nullable: true, type: String })
  personId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  team!: string | null;
  @ApiProperty({ example: '2026-Q4' })
  period!: string;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ type: 'integer' })
  commitMinor!: number;
  @ApiProperty({ type: 'integer' })
  bestCaseMinor!: number;
  @ApiProperty()
  note!: string;
  @ApiProperty()
  occurredAt!: string;
  @ApiProperty()
  recordedAt!: string;
}

export class ForecastCallsDto {
  @ApiProperty({ description: 'the business instant the calls are in force at' })
  asOf!: string;
  @ApiProperty({ nullable: true, type: String })
  knownAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  period!: string | null;
  @ApiProperty({ type: [ForecastCallInForceDto], description: 'per line the latest call, ordered by line' })
  calls!: ForecastCallInForceDto[];
}
