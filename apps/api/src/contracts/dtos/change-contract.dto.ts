import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANGE_KINDS, type ChangeKind } from '@ltc/workflow-contract';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, Nested, SignedMoneyDto } from '../../http/common.dto';

const text = (example: string, maxLength = 2000) => ApiProperty({ example, maxLength });

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
