import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const text = (example: string, maxLength = 2000) => ApiProperty({ example, maxLength });

const optionalText = (maxLength = 2000) => ApiPropertyOptional({ maxLength });

export class CompleteDeliveryMilestoneDto {
  @id('m-1')
  @Matches(ID_PATTERN)
  milestoneId!: string;

  @text('hardware installed', 500)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name!: string;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DeclareDeliveryCompleteDto {
  @ApiPropertyOptional({ example: 'ACC-2026-09', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  acceptanceReference?: string;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
