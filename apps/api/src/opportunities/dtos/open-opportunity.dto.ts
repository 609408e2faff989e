import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CUSTOMER_TYPES, SEGMENTS, type CustomerType, type Segment } from '@ltc/workflow-opportunity';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, ID_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const money = (description?: string) =>
  ApiProperty({ type: MoneyDto, ...(description ? { description } : {}) });

export class OpenOpportunityDto {
  @ApiPropertyOptional({
    description: 'new opportunity id; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  opportunityId?: string;

  @ApiProperty({ example: 'acme', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  customerId!: string;

  @ApiPropertyOptional({
    type: String,
    pattern: ID_PATTERN.source,
    nullable: true,
    description: 'the lead it came from',
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  leadId?: string | null;

  @ApiProperty({ example: 'Storage refresh 2026', maxLength: LIMITS.line })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  name!: string;

  @money('the pipeline value; its currency is the deal currency')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-06-30', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  expectedCloseDate!: string;

  @ApiProperty({ enum: SEGMENTS })
  @IsIn(SEGMENTS)
  segment!: Segment;

  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES)
  customerType!: CustomerType;

  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source, description: 'the rep who owns the deal' })
  @Matches(ID_PATTERN)
  owner!: string;
}
