import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_SEGMENTS, type CustomerSegment } from '@ltc/workflow-customer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

export class ChangeCustomerSegmentDto {
  @ApiProperty({ enum: CUSTOMER_SEGMENTS })
  @IsIn(CUSTOMER_SEGMENTS)
  segment!: CustomerSegment;

  @ApiProperty({ example: 'named a strategic account for 2027', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
