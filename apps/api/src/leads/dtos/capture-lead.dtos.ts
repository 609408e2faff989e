import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_SOURCES, type LeadSource } from '@ltc/workflow-lead';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.line) => ApiProperty({ example, maxLength });

export class LeadContactDto {
  @text('Li Wei', LIMITS.label)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  name!: string;

  @ApiPropertyOptional({ example: 'CIO' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  role?: string;

  @ApiPropertyOptional({ example: '+86 10 5555 0100' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.phone)
  phone?: string;

  @ApiPropertyOptional({ example: 'li.wei@example.com' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class CaptureLeadDto {
  @ApiPropertyOptional({
    description: 'new lead id; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  leadId?: string;

  @ApiProperty({ example: 'acme', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  customerId!: string;

  @ApiProperty({ enum: LEAD_SOURCES })
  @IsIn(LEAD_SOURCES)
  source!: LeadSource;

  @text('Data-centre refresh, phase 2')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  title!: string;

  @ApiProperty({ type: LeadContactDto })
  @Nested(() => LeadContactDto)
  contact!: LeadContactDto;

  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  estimatedAmount!: MoneyDto;
}
