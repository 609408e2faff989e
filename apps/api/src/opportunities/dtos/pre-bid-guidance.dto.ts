import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RecordPreBidGuidanceDto {
  @ApiProperty({ example: 'steered the tender toward NVMe and on-site support SLAs', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
