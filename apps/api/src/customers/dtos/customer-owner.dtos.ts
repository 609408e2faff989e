import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

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
