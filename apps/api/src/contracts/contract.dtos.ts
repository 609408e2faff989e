import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANGE_KINDS,
  DISPUTE_OUTCOMES,
  RISK_SEVERITIES,
  type ChangeKind,
  type DisputeOutcome,
  type RiskSeverity,
} from '@ltc/workflow-contract';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IronTriangleDto } from '../gates/gate.dtos';
import { DATE_PATTERN, ID_PATTERN, MoneyDto, Nested, SignedMoneyDto } from '../http/common.dto';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });
const date = (example: string) => ApiProperty({ example, pattern: DATE_PATTERN.source });
const text = (example: string, maxLength = 2000) => ApiProperty({ example, maxLength });
const optionalText = (maxLength = 2000) => ApiPropertyOptional({ maxLength });

export class OpenContractDto {
  @ApiPropertyOptional({
    description: 'new contract id; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  contractId?: string;

  @id('opp-1', 'the won opportunity')
  @Matches(ID_PATTERN)
  opportunityId!: string;

  @id('acme')
  @Matches(ID_PATTERN)
  customerId!: string;

  @ApiProperty({ type: MoneyDto, description: 'the signed amount; its currency is the contract currency' })
  @Nested(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ type: IronTriangleDto })
  @Nested(() => IronTriangleDto)
  triangle!: IronTriangleDto;
}

export class ConfirmContractDto {
  @text('PO-4711', 200)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  poNumber!: string;

  @ApiProperty({ type: MoneyDto, description: 'the PO amount: the contract amount from now on' })
  @Nested(() => MoneyDto)
  confirmedAmount!: MoneyDto;
}

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

  @ApiPropertyOptional({ example: 'bank transfer 88812', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class WriteOffInvoiceDto {
  @id('inv-1')
  @Matches(ID_PATTERN)
  invoiceId!: string;

  @text('customer insolvent')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ChangeContractDto {
  @ApiProperty({ enum: CHANGE_KINDS })
  @IsIn(CHANGE_KINDS)
  kind!: ChangeKind;

  @ApiProperty({ type: SignedMoneyDto, description: 'change to the contract amount; negative lowers it' })
  @Nested(() => SignedMoneyDto)
  amountDelta!: SignedMoneyDto;

  @text('two more racks')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  scope!: string;

  @text('customer expanded the pilot')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN.source, description: 'required for a separate-contract change' })
  @IsOptional()
  @Matches(ID_PATTERN)
  separateContractId?: string;
}

export class RaiseRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('site not ready', 500)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ enum: RISK_SEVERITIES })
  @IsIn(RISK_SEVERITIES)
  severity!: RiskSeverity;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ResolveRiskDto {
  @id('r-1')
  @Matches(ID_PATTERN)
  riskId!: string;

  @text('customer finished the site work')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;
}

export class OpenDisputeDto {
  @id('d-1')
  @Matches(ID_PATTERN)
  disputeId!: string;

  @text('invoice 1 charges an uninstalled rack', 500)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  subject!: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN.source, description: 'the disputed invoice, if any' })
  @IsOptional()
  @Matches(ID_PATTERN)
  invoiceId?: string;
}

export class ResolveDisputeDto {
  @id('d-1')
  @Matches(ID_PATTERN)
  disputeId!: string;

  @ApiProperty({ enum: DISPUTE_OUTCOMES })
  @IsIn(DISPUTE_OUTCOMES)
  outcome!: DisputeOutcome;

  @ApiProperty({ type: SignedMoneyDto, description: 'change to the contract amount; negative for a credit' })
  @Nested(() => SignedMoneyDto)
  amountImpact!: SignedMoneyDto;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CloseContractDto {
  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class EvaluateContractDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  customerSatisfaction!: number;

  @ApiProperty()
  @IsBoolean()
  successCriteriaMet!: boolean;

  @optionalText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
