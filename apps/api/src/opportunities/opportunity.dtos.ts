import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CUSTOMER_TYPES,
  NEGOTIATION_SITUATIONS,
  SEGMENTS,
  type CustomerType,
  type NegotiationSituation,
  type Segment,
} from '@ltc/workflow-opportunity';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DATE_PATTERN, ID_PATTERN, MoneyDto, Nested, SignedMoneyDto } from '../http/common.dto';

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

  @ApiPropertyOptional({ pattern: ID_PATTERN.source, nullable: true, description: 'the lead it came from' })
  @IsOptional()
  @Matches(ID_PATTERN)
  leadId?: string | null;

  @ApiProperty({ example: 'Storage refresh 2026', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
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

/** The unified four questions. */
export class ValidateOpportunityDto {
  @ApiProperty({ description: 'is this a real opportunity?' })
  @IsBoolean()
  isReal!: boolean;

  @ApiProperty({ description: 'does our solution match the need?' })
  @IsBoolean()
  solutionFits!: boolean;

  @ApiProperty({ example: 60, minimum: 0, maximum: 100, description: 'how likely are we to win (percent)?' })
  @IsInt()
  @Min(0)
  @Max(100)
  winProbability!: number;

  @ApiProperty({ description: 'is it worth winning?' })
  @IsBoolean()
  worthWinning!: boolean;

  @ApiProperty({ example: 'budget approved; incumbent is weak on support', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  notes!: string;
}

export class RecordPreBidGuidanceDto {
  @ApiProperty({ example: 'steered the tender toward NVMe and on-site support SLAs', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class PrepareQuoteDto {
  @ApiProperty({ example: 'Q-2026-017', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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

export class RecordNegotiationRoundDto {
  @ApiProperty({ enum: NEGOTIATION_SITUATIONS })
  @IsIn(NEGOTIATION_SITUATIONS)
  situation!: NegotiationSituation;

  @ApiProperty({ type: SignedMoneyDto, description: 'change to the quoted price; zero leaves it' })
  @Nested(() => SignedMoneyDto)
  priceChange!: SignedMoneyDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReviseQuoteDto {
  @ApiPropertyOptional({
    example: 'Q-2026-017b',
    maxLength: 200,
    description: 'defaults to the current quote',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  quoteReference?: string;

  @money('the new price')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: 'customer asked for a multi-year discount', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ChangeAmountDto {
  @money('the new pipeline value, in the deal currency')
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ChangeExpectedCloseDateDto {
  @ApiProperty({ example: '2026-09-30', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  expectedCloseDate!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

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
  @ApiProperty({ example: 'price 12% above the winner', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ example: 'Globex', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  competitor?: string;
}
