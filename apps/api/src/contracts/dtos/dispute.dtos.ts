import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '@ltc/workflow-contract';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, Nested, SignedMoneyDto } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

const optionalText = (maxLength: number = LIMITS.prose) => ApiPropertyOptional({ maxLength });

export class OpenDisputeDto {
  @id('d-1')
  @Matches(ID_PATTERN)
  disputeId!: string;

  @text('invoice 1 charges an uninstalled rack', LIMITS.line)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.line)
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
  @MaxLength(LIMITS.prose)
  note?: string;
}
