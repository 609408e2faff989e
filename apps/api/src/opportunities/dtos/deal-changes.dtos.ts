import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';
import { FORECAST_CATEGORIES, type ForecastCategory } from '@ltc/workflow-opportunity';

const money = (description?: string) =>
  ApiProperty({ type: MoneyDto, ...(description ? { description } : {}) });

export class ChangeAmountDto {
  @money('the new pipeline value, in the deal currency')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}

export class ChangeExpectedCloseDateDto {
  @ApiProperty({ example: '2026-09-30', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  expectedCloseDate!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string;
}

export class SetForecastCategoryDto {
  @ApiProperty({ enum: FORECAST_CATEGORIES, example: 'commit' })
  @IsIn(FORECAST_CATEGORIES)
  category!: ForecastCategory;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}
