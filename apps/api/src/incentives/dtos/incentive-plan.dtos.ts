import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';
import {
  MAX_BP,
  PERIOD_KINDS,
  TARGET_BASIS_KINDS,
  type PeriodKind,
  type PlanTerms,
  type TargetBasisKind,
} from '@ltc/workflow-incentive-plan';
import { ID_PATTERN, Nested, ReasonDto } from '../../http/common.dto';

// The HTTP shape of plan terms. The DTOs check types and bounds; the workflow checks the rules across
// fields (the split sums to 100 %, tiers contiguous from 0, rates as decimals), naming the field alike.

/** A period id: `2026-11` (month) or `2026-Q4` (quarter). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const periodProperty = (example: string, description: string) =>
  ApiProperty({ example, pattern: PERIOD_PATTERN.source, description });

function BpProperty(example: number, description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({
      example,
      minimum: 0,
      maximum: MAX_BP,
      description: `${description} (basis points: 1 % = 100)`,
    })(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_BP)(target, key);
  };
}

export class TierDto {
  @BpProperty(0, 'attainment from (inclusive)')
  fromBp!: number;

  @ApiProperty({
    example: 10000,
    nullable: true,
    type: 'integer',
    description: 'attainment to (exclusive), basis points; null for the last, open band',
  })
  @ValidateIf((tier: TierDto) => tier.toBp !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_BP)
  toBp!: number | null;

  @BpProperty(8000, "the band's rate of the target bonus")
  rateBp!: number;
}

export class PoolDto {
  @BpProperty(100, 'pool rate on the signed amount, earned in the signing period')
  signedRateBp!: number;

  @BpProperty(200, "pool rate on each payment, earned in the payment's period")
  collectedRateBp!: number;

  @BpProperty(15000, "multiplier for customers of segment 'strategic' (10000 = x1)")
  strategicMultiplierBp!: number;

  @BpProperty(12000, 'multiplier for a customer with no earlier won deal (10000 = x1); compounds')
  newCustomerMultiplierBp!: number;
}

export class SplitDto {
  @BpProperty(5000, 'account representative share')
  AR!: number;

  @BpProperty(3000, 'solution representative share')
  SR!: number;

  @BpProperty(2000, 'fulfilment representative share')
  FR!: number;
}

export class AttainmentDto {
  @ApiProperty({
    enum: ['whole', 'split'],
    description: 'whole: each role holder credited with the whole deal',
  })
  @IsIn(['whole', 'split'])
  credit!: 'whole' | 'split';

  @ApiProperty({ enum: ['marginal', 'cliff'] })
  @IsIn(['marginal', 'cliff'])
  mode!: 'marginal' | 'cliff';

  @ApiProperty({ type: [TierDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => TierDto)
  tiers!: TierDto[];
}

export class ClawbackDto {
  @ApiProperty({ example: 90, minimum: 0, maximum: 3660 })
  @IsInt()
  @Min(0)
  @Max(3660)
  terminationWindowDays!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  writeOffReversesSigning!: boolean;
}

export class PlanTermsDto implements PlanTerms {
  @ApiProperty({ example: 'Sales 2026', maxLength: LIMITS.label })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  name!: string;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ enum: PERIOD_KINDS })
  @IsIn(PERIOD_KINDS)
  periodKind!: PeriodKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,6})?$' },
    example: { USD: '0.92', CNY: '0.128' },
    description: '1 unit of the key currency = this many units of the plan currency (at most 6 decimals)',
  })
  @IsObject()
  fxRates!: Record<string, string>;

  @ApiProperty({ type: PoolDto })
  @Nested(() => PoolDto)
  pool!: PoolDto;

  @ApiProperty({ type: SplitDto, description: 'sums to 10000' })
  @Nested(() => SplitDto)
  split!: SplitDto;

  @ApiProperty({ type: AttainmentDto })
  @Nested(() => AttainmentDto)
  attainment!: AttainmentDto;

  @ApiProperty({ type: ClawbackDto })
  @Nested(() => ClawbackDto)
  clawback!: ClawbackDto;

  @ApiProperty({ type: [String], example: ['ann', 'bob'], description: 'person ids paid by this plan' })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(ID_PATTERN, { each: true })
  participants!: string[];
}

export class PublishIncentivePlanDto {
  @ApiProperty({
    example: 'sales-2026',
    pattern: ID_PATTERN.source,
    description: 'stream incentive-plan-<id>',
  })
  @Matches(ID_PATTERN)
  planId!: string;

  @periodProperty('2026-01', 'the first period of the plan')
  @Matches(PERIOD_PATTERN)
  effectiveFrom!: string;

  @ApiProperty({ type: PlanTermsDto })
  @Nested(() => PlanTermsDto)
  terms!: PlanTermsDto;
}

export class CorrectIncentivePlanDto extends ReasonDto {
  @periodProperty('2026-03', 'the terms apply from this period on (a past one is a retroactive correction)')
  @Matches(PERIOD_PATTERN)
  effectiveFrom!: string;

  @ApiProperty({ type: PlanTermsDto })
  @Nested(() => PlanTermsDto)
  terms!: PlanTermsDto;
}

export class RetireIncentivePlanDto extends ReasonDto {
  @periodProperty('2026-12', 'the last period that earns')
  @Matches(PERIOD_PATTERN)
  effectiveAfter!: string;
}

export class TargetBasisDto {
  @ApiProperty({ enum: TARGET_BASIS_KINDS })
  @IsIn(TARGET_BASIS_KINDS)
  kind!: TargetBasisKind;

  @ApiProperty({
    example: 600_000,
    minimum: 0,
    description: 'base salary or customer-pool size, minor units',
  })
  @IsInt()
  @Min(0)
  amountMinor!: number;
}

export class SetIncentiveTargetDto {
  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  personId!: string;

  @periodProperty('2026-11', 'the period the target is for')
  @Matches(PERIOD_PATTERN)
  period!: string;

  @ApiProperty({
    example: 10_000_000,
    minimum: 1,
    description: 'signed amount to reach, plan-currency minor units',
  })
  @IsInt()
  @Min(1)
  targetMinor!: number;

  @ApiProperty({ example: 300_000, minimum: 0, description: 'the bonus at 100 % attainment, minor units' })
  @IsInt()
  @Min(0)
  targetBonusMinor!: number;

  @ApiProperty({ type: TargetBasisDto })
  @Nested(() => TargetBasisDto)
  basis!: TargetBasisDto;

  @ApiPropertyOptional({ maxLength: LIMITS.prose, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  reason?: string | null;
}

/** Opening and closing take no body: the period is the path's `{planId}.{period}`. */
export class IncentivePeriodCommandDto {}
