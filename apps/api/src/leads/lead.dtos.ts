import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LEAD_GRADES,
  LEAD_SOURCES,
  TOUCH_CHANNELS,
  type LeadGrade,
  type LeadSource,
  type TouchChannel,
} from '@ltc/workflow-lead';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { DATE_PATTERN, ID_PATTERN, MoneyDto, Nested } from '../http/common.dto';

const text = (example: string, maxLength = 500) => ApiProperty({ example, maxLength });

export class LeadContactDto {
  @text('Li Wei', 200)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'CIO' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional({ example: '+86 10 5555 0100' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
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
  @MaxLength(500)
  title!: string;

  @ApiProperty({ type: LeadContactDto })
  @Nested(() => LeadContactDto)
  contact!: LeadContactDto;

  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  estimatedAmount!: MoneyDto;
}

export class RecordLeadTouchDto {
  @ApiProperty({ enum: TOUCH_CHANNELS })
  @IsIn(TOUCH_CHANNELS)
  channel!: TouchChannel;

  @text('Visited the CIO; they want a pilot in Q3', 2000)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z', description: 'when the touch happened (ISO-8601)' })
  @IsISO8601({ strict: true })
  touchedAt!: string;
}

export class AssignLeadDto {
  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  owner!: string;
}

export class ReassignLeadDto extends AssignLeadDto {
  @text('Ann moved to the north team', 2000)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class BudgetDto {
  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @text('30% on signing, 70% on acceptance')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  paymentTerms!: string;
}

export class AuthorityDto {
  @text('IT steering committee, then CFO sign-off')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionProcess!: string;

  @text('Li Wei (CIO)')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  keyPerson!: string;

  @text('Zhang Min (CFO)')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionMaker!: string;
}

export class NeedDto {
  @text('Replace end-of-life storage before the audit')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  realNeed!: string;

  @text('ISO 27001 certified supplier')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  supplierQualification!: string;

  @text('NVMe, 99.99% availability')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  productStandards!: string;

  @text('Installed within 6 weeks of PO')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  deliveryStandards!: string;
}

export class TimelineDto {
  @ApiProperty({ example: '2026-04-01', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  projectApprovalDate!: string;

  @ApiProperty({ example: '2026-02-15', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  needFoundDate!: string;

  @ApiProperty({ example: '2026-05-30', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN)
  decisionDate!: string;
}

export class QualifyLeadDto {
  @ApiProperty({ type: BudgetDto })
  @Nested(() => BudgetDto)
  budget!: BudgetDto;

  @ApiProperty({ type: AuthorityDto })
  @Nested(() => AuthorityDto)
  authority!: AuthorityDto;

  @ApiProperty({ type: NeedDto })
  @Nested(() => NeedDto)
  need!: NeedDto;

  @ApiProperty({ type: TimelineDto })
  @Nested(() => TimelineDto)
  time!: TimelineDto;

  @ApiProperty({ enum: LEAD_GRADES })
  @IsIn(LEAD_GRADES)
  grade!: LeadGrade;
}

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

export class ConvertLeadDto {
  @ApiPropertyOptional({
    description: 'id of the opportunity to open; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  opportunityId?: string;
}
