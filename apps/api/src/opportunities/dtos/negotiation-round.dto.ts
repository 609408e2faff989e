import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEGOTIATION_SITUATIONS, type NegotiationSituation } from '@ltc/workflow-opportunity';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested, SignedMoneyDto } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

export class RecordNegotiationRoundDto {
  @ApiProperty({ enum: NEGOTIATION_SITUATIONS })
  @IsIn(NEGOTIATION_SITUATIONS)
  situation!: NegotiationSituation;

  @ApiProperty({ type: SignedMoneyDto, description: 'change to the quoted price; zero leaves it' })
  @Nested(() => SignedMoneyDto)
  priceChange!: SignedMoneyDto;

  @ApiPropertyOptional({ maxLength: LIMITS.prose })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prose)
  note?: string;
}
