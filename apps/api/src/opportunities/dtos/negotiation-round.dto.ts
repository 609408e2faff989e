import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEGOTIATION_SITUATIONS, type NegotiationSituation } from '@ltc/workflow-opportunity';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested, SignedMoneyDto } from '../../http/common.dto';

export class RecordNegotiationRoundDto {
  @ApiProperty({ enum: NEGOTIATION_SITUATIONS })
  @IsIn(NEGOTIATION_SITUATIONS)
  situation!: NegotiationSituation;

  @ApiProperty({ type: SignedMoneyDto, description: 'change to the quoted price; zero leaves it' })
  @Nested(() => SignedMoneyDto)
  priceChange!: SignedMoneyDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
