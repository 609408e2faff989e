import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

export class RecordPreBidGuidanceDto {
  @ApiProperty({
    example: 'steered the tender toward NVMe and on-site support SLAs',
    maxLength: LIMITS.prose,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  note!: string;
}
