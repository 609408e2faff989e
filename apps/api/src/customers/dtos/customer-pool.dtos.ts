import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

export class ReleaseCustomerDto {
  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}

export class ReturnCustomerDto {
  @ApiProperty({ example: 'no follow-up for two months', maxLength: LIMITS.prose })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  note!: string;
}
