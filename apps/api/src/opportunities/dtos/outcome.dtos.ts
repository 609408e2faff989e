import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const money = (description?: string) =>
  ApiProperty({ type: MoneyDto, ...(description ? { description } : {}) });

export class WinOpportunityDto {
  @ApiPropertyOptional({
    description: 'id of the contract to open; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  contractId?: string;

  @money('the amount signed, in the deal currency')
  @Nested(() => MoneyDto)
  signedAmount!: MoneyDto;

  @ApiProperty({
    example: '2026-06-20T09:00:00.000Z',
    description: 'when the contract was signed (ISO-8601)',
  })
  @IsISO8601({ strict: true })
  signedAt!: string;
}

export class LoseOpportunityDto {
  @ApiProperty({ example: 'price 12% above the winner', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;

  @ApiPropertyOptional({ example: 'Globex', maxLength: LIMITS.label })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  competitor?: string;
}
