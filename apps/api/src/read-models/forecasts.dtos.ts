import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { FORECAST_METHODS } from '@ltc/read-models';
import { ID_PATTERN } from '../http/common.dto';
import { AsOfQueryDto } from './read-model.request.dtos';

export class ForecastQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({
    description:
      'the period the forecast is for: a month (`2026-11`) or a quarter (`2026-Q4`); default the quarter of asOf',
    example: '2026-Q4',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  horizon?: string;

  @ApiPropertyOptional({
    description: `one method or a comma-separated list of ${FORECAST_METHODS.join(', ')}; default all`,
    example: 'stage-weighted,monte-carlo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  method?: string;

  @ApiPropertyOptional({ description: "a team: its members' deals (owners in the team at asOf)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ description: 'deals this user owns', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN)
  owner?: string;

  @ApiPropertyOptional({ description: 'reporting currency (ISO 4217); default EUR', example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  @Length(3, 3)
  currency?: string;
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
    description: 'open pipeline expected in the horizon against targets (null without targets)',
  })
  coverage!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'open deals in another currency, left out',
  })
  excluded!: object[];
}
