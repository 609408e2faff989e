import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANGE_KINDS, type ChangeKind } from '@ltc/workflow-contract';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, Nested, SignedMoneyDto } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

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
  @MaxLength(LIMITS.prose)
  scope!: string;

  @text('customer expanded the pilot')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;

  @ApiPropertyOptional({ pattern: ID_PATTERN.source, description: 'required for a separate-contract change' })
  @IsOptional()
  @Matches(ID_PATTERN)
  separateContractId?: string;
}
