import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN } from '../../http/common.dto';

const text = (example: string, maxLength = 500) => ApiProperty({ example, maxLength });

export class NurtureLeadDto {
  @text('Budget only next year', 2000)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ example: '2026-09-01', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  revisitOn!: string;
}
