import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';
import { MAX_RATES } from '@ltc/workflow-exchange-rates';
import { DATE_PATTERN } from '../../http/common.dto';

// The DTOs check the shape; the workflow checks the rules (known codes, not the base, no repeats, a
// positive rate), naming the field alike (`rates[1].currency`).

const CODE = /^[A-Z]{3}$/;

export class ExchangeRateDto {
  @ApiProperty({ example: 'USD', description: 'ISO-4217 code' })
  @IsString()
  @Matches(CODE, { message: 'currency must be an ISO-4217 code such as USD' })
  currency!: string;

  @ApiProperty({
    example: '0.9235',
    description:
      '1 unit of the currency = this many units of the base (a decimal string, at most 10 decimals)',
  })
  @IsString()
  @MaxLength(32)
  rate!: string;
}

export class PublishExchangeRatesDto {
  @ApiProperty({ example: 'EUR', description: 'the currency the rates are against' })
  @IsString()
  @Matches(CODE, { message: 'base must be an ISO-4217 code such as EUR' })
  base!: string;

  @ApiProperty({ example: '2026-10-01', description: 'the day (00:00 UTC) the table is in force from' })
  @Matches(DATE_PATTERN, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({ type: [ExchangeRateDto], minItems: 1, maxItems: MAX_RATES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RATES)
  @ValidateNested({ each: true })
  @Type(() => ExchangeRateDto)
  rates!: ExchangeRateDto[];

  @ApiPropertyOptional({ maxLength: LIMITS.prose, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string | null;
}
