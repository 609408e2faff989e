import { ApiProperty } from '@nestjs/swagger';
import { LEAD_GRADES, type LeadGrade } from '@ltc/workflow-lead';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.line) => ApiProperty({ example, maxLength });

export class BudgetDto {
  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @text('30% on signing, 70% on acceptance')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  paymentTerms!: string;
}

export class AuthorityDto {
  @text('IT steering committee, then CFO sign-off')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  decisionProcess!: string;

  @text('Li Wei (CIO)')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  keyPerson!: string;

  @text('Zhang Min (CFO)')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
  decisionMaker!: string;
}

export class NeedDto {
  @text('Replace end-of-life storage before the audit')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  realNeed!: string;

  @text('ISO 27001 certified supplier')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  supplierQualification!: string;

  @text('NVMe, 99.99% availability')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  productStandards!: string;

  @text('Installed within 6 weeks of PO')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
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
