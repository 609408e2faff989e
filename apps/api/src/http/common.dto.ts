import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

/** An amount in integer minor units (cents, fen) and its ISO-4217 currency: never a float. */
export class MoneyDto {
  @ApiProperty({ example: 12_000_000, description: 'integer minor units, e.g. cents', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as EUR' })
  currency!: string;
}

/** A signed amount (changes, price deltas): may be negative. */
export class SignedMoneyDto {
  @ApiProperty({ example: -500_000, description: 'integer minor units; negative lowers the amount' })
  @IsInt()
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as EUR' })
  currency!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'budget frozen until next fiscal year', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}

/** Ids in paths and bodies: the domain's own pattern, so HTTP and the workflows refuse alike. */
export { ID_PATTERN } from '@ltc/workflow-kit';
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A required nested object validated as its DTO class. `ValidateNested` alone lets a missing object
 * through, so `IsObject` makes absence (and arrays, strings...) an error of its own.
 */
export function Nested(type: () => new () => object): PropertyDecorator {
  return (target, key) => {
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(type)(target, key);
  };
}
