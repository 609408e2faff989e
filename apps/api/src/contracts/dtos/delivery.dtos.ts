import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

const optionalText = (maxLength: number = LIMITS.prose) => ApiPropertyOptional({ maxLength });

export class CompleteDeliveryMilestoneDto {
  @id('m-1')
  @Matches(ID_PATTERN)
  milestoneId!: string;

  @text('hardware installed', LIMITS.line)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  name!: string;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}

export class DeclareDeliveryCompleteDto {
  @ApiPropertyOptional({ example: 'ACC-2026-09', maxLength: LIMITS.label })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  acceptanceReference?: string;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}
