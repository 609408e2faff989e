import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN, ID_PATTERN, MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const date = (example: string) => ApiProperty({ example, pattern: DATE_PATTERN.source });

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

export class IssueInvoiceDto {
  @id('inv-1')
  @Matches(ID_PATTERN)
  invoiceId!: string;

  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @date('2026-09-30')
  @Matches(DATE_PATTERN)
  dueDate!: string;
}

export class RecordPaymentDto {
  @id('inv-1')
  @Matches(ID_PATTERN)
  invoiceId!: string;

  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @date('2026-09-15')
  @Matches(DATE_PATTERN)
  receivedOn!: string;

  @ApiPropertyOptional({ example: 'bank transfer 88812', maxLength: LIMITS.label })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.label)
  reference?: string;
}

export class WriteOffInvoiceDto {
  @id('inv-1')
  @Matches(ID_PATTERN)
  invoiceId!: string;

  @text('customer insolvent')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
