import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

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

  @ApiProperty({ example: 'territory change', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
