import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

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
