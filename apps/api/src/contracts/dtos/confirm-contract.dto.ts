import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MoneyDto, Nested } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.prose) => ApiProperty({ example, maxLength });

export class ConfirmContractDto {
  @text('PO-4711', LIMITS.label)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  poNumber!: string;

  @ApiProperty({ type: MoneyDto, description: 'the PO amount: the contract amount from now on' })
  @Nested(() => MoneyDto)
  confirmedAmount!: MoneyDto;
}
