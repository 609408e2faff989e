import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/common.dto';

const text = (example: string, maxLength = 500) => ApiProperty({ example, maxLength });

export class AssignLeadDto {
  @ApiProperty({ example: 'ann', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN)
  owner!: string;
}

export class ReassignLeadDto extends AssignLeadDto {
  @text('Ann moved to the north team', 2000)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
