import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_SEGMENTS, type CustomerSegment } from '@ltc/workflow-customer';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

export class RegisterCustomerDto {
  @ApiProperty({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: 'the customer id (stream customer-<id>)',
  })
  @Matches(ID_PATTERN)
  customerId!: string;

  @ApiProperty({ example: 'ACME Manufacturing Ltd.', maxLength: LIMITS.customerName })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.customerName)
  name!: string;

  @ApiProperty({ enum: CUSTOMER_SEGMENTS })
  @IsIn(CUSTOMER_SEGMENTS)
  segment!: CustomerSegment;
}
