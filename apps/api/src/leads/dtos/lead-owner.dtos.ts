import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.line) => ApiProperty({ example, maxLength });

export class AssignLeadDto {
  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  owner!: string;
}

export class ReassignLeadDto extends AssignLeadDto {
  @text('Ann moved to the north team', LIMITS.prose)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  reason!: string;
}
