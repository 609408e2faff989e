import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_TOUCH_CHANNELS } from '@ltc/workflow-customer';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

export class RecordCustomerTouchDto {
  @ApiProperty({ enum: CUSTOMER_TOUCH_CHANNELS })
  @IsIn(CUSTOMER_TOUCH_CHANNELS)
  channel!: (typeof CUSTOMER_TOUCH_CHANNELS)[number];

  @ApiProperty({ example: 'quarterly business review', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  note!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z' })
  @IsISO8601({ strict: true })
  touchedAt!: string;
}
