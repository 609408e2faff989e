import { ApiProperty } from '@nestjs/swagger';
import type { RatesShown, ReportingAmount } from '@ltc/read-models';
import type { Documents } from './report-shape';

class ConvertedAmountDto {
  @ApiProperty({ example: 'USD', description: 'the currency of the deals' })
  currency!: string;
  @ApiProperty({ example: 123_457, description: 'their amount, in minor units of that currency' })
  amountMinor!: number;
  @ApiProperty({
    example: 114_013,
    description: 'that amount in the reporting currency: exact, rounded once half away from zero',
  })
  reportingMinor!: number;
  @ApiProperty({
    example: '0.9235',
    description: "the rate applied ('1', '0.9235', '1/0.9235', '1.17/0.9235')",
  })
  rate!: string;
}

class AmountWithoutRateDto {
  @ApiProperty({ example: 'GBP' })
  currency!: string;
  @ApiProperty({ example: 50_000, description: 'in minor units of that currency' })
  amountMinor!: number;
  @ApiProperty({ example: 'the table of 2026-10-01 (EUR) has no rate for GBP' })
  reason!: string;
}

/** Amounts of several currencies as one amount of the reporting currency (`ReportingAmount`). */
export class ReportingAmountDto {
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: 10_114_013, description: 'the sum of `converted[].reportingMinor`' })
  amountMinor!: number;
  @ApiProperty({ type: [ConvertedAmountDto], description: 'each currency a rate in force converts' })
  converted!: ConvertedAmountDto[];
  @ApiProperty({
    type: [AmountWithoutRateDto],
    description: 'each currency no rate in force converts: listed, left out of amountMinor',
  })
  withoutRate!: AmountWithoutRateDto[];
}

/** The exchange rate table an answer converts with (`RatesShown`). */
export class RatesShownDto {
  @ApiProperty({ description: 'the id of the event that published the table' })
  tableId!: string;
  @ApiProperty({ example: 'EUR' })
  base!: string;
  @ApiProperty({ example: '2026-10-01' })
  effectiveFrom!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { USD: '0.9235' },
    description: '1 unit of each currency = this many units of the base (a decimal string)',
  })
  rates!: Record<string, string>;
}

type Row<T> = T extends readonly (infer U)[] ? U : never;
const _converted: Documents<ConvertedAmountDto, Row<ReportingAmount['converted']>> = true;
const _withoutRate: Documents<AmountWithoutRateDto, Row<ReportingAmount['withoutRate']>> = true;
const _reporting: Documents<ReportingAmountDto, ReportingAmount> = true;
const _rates: Documents<RatesShownDto, RatesShown> = true;
