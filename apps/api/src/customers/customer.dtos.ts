import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CUSTOMER_SEGMENTS,
  CUSTOMER_TOUCH_CHANNELS,
  type CustomerSegment,
  type CustomerTouchChannel,
} from '@ltc/workflow-customer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../http/common.dto';

export class RegisterCustomerDto {
  @ApiProperty({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: 'the customer id (stream customer-<id>)',
  })
  @Matches(ID_PATTERN)
  customerId!: string;

  @ApiProperty({ example: 'ACME Manufacturing Ltd.', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: CUSTOMER_SEGMENTS })
  @IsIn(CUSTOMER_SEGMENTS)
  segment!: CustomerSegment;
}

export class ClaimCustomerDto {
  @ApiPropertyOptional({ description: 'the new owner; defaults to the caller (managers may name a rep)' })
  @IsOptional()
  @Matches(ID_PATTERN)
  owner?: string;
}

export class TransferCustomerDto {
  @ApiProperty({ example: 'bea', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  owner!: string;

  @ApiProperty({ example: 'territory change', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class RecordCustomerTouchDto {
  @ApiProperty({ enum: CUSTOMER_TOUCH_CHANNELS })
  @IsIn(CUSTOMER_TOUCH_CHANNELS)
  channel!: CustomerTouchChannel;

  @ApiProperty({ example: 'quarterly business review', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  touchedAt!: string;
}

export class ReleaseCustomerDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReturnCustomerDto {
  @ApiProperty({ example: 'no follow-up for two months', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class ChangeCustomerSegmentDto {
  @ApiProperty({ enum: CUSTOMER_SEGMENTS })
  @IsIn(CUSTOMER_SEGMENTS)
  segment!: CustomerSegment;

  @ApiProperty({ example: 'named a strategic account for 2027', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
