import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

export class ConvertLeadDto {
  @ApiPropertyOptional({
    description: 'id of the opportunity to open; derived from the Idempotency-Key when omitted',
    pattern: ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(ID_PATTERN)
  opportunityId?: string;
}
