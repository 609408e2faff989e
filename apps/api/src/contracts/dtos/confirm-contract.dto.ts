import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MoneyDto, Nested } from '../../http/common.dto';

const text = (example: string, maxLength = 2000) => ApiProperty({ example, maxLength });

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
