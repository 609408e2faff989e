import { ApiProperty } from '@nestjs/swagger';
import { TOUCH_CHANNELS, type TouchChannel } from '@ltc/workflow-lead';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

const text = (example: string, maxLength = 500) => ApiProperty({ example, maxLength });

export class RecordLeadTouchDto {
  @ApiProperty({ enum: TOUCH_CHANNELS })
  @IsIn(TOUCH_CHANNELS)
  channel!: TouchChannel;

  @text('Visited the CIO; they want a pilot in Q3', 2000)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z', description: 'when the touch happened (ISO-8601)' })
  @IsISO8601({ strict: true })
  touchedAt!: string;
}
