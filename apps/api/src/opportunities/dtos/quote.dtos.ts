import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const money = (description?: string) =>
  ApiProperty({ type: MoneyDto, ...(description ? { description } : {}) });

export class PrepareQuoteDto {
  @ApiProperty({ example: 'Q-2026-017', maxLength: LIMITS.label })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  quoteReference!: string;

  @money('the price the quote review approves')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;
}

export class SubmitBidDto extends PrepareQuoteDto {
  @ApiProperty({ example: '2026-07-31', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  validUntil!: string;
}

export class ReviseQuoteDto {
  @ApiPropertyOptional({
    example: 'Q-2026-017b',
    maxLength: LIMITS.label,
    description: 'defaults to the current quote',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  quoteReference?: string;

  @money('the new price')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: 'customer asked for a multi-year discount', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
