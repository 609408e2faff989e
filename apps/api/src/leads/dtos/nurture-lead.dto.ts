import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.line) => ApiProperty({ example, maxLength });

export class NurtureLeadDto {
  @text('Budget only next year', LIMITS.prose)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;

  @ApiProperty({ example: '2026-09-01', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  revisitOn!: string;
}
