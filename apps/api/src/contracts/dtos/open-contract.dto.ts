import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IronTriangleDto } from '../../gates/dtos/triangle.dtos';
import { ID_PATTERN, MoneyDto, Nested } from '../../http/common.dto';

const id = (example: string, description?: string) =>
  ApiProperty({ example, pattern: ID_PATTERN.source, ...(description ? { description } : {}) });

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
