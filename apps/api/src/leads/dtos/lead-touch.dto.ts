import { ApiProperty } from '@nestjs/swagger';
import { TOUCH_CHANNELS, type TouchChannel } from '@ltc/workflow-lead';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@ltc/workflow-kit';

const text = (example: string, maxLength: number = LIMITS.line) => ApiProperty({ example, maxLength });

export class RecordLeadTouchDto {
  @ApiProperty({ enum: TOUCH_CHANNELS })
  @IsIn(TOUCH_CHANNELS)
  channel!: TouchChannel;

  @text('Visited the CIO; they want a pilot in Q3', LIMITS.prose)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.prose)
  note!: string;

  @ApiProperty({ example: '2026-03-02T10:00:00.000Z', description: 'when the touch happened (ISO-8601)' })
  @IsISO8601({ strict: true })
  touchedAt!: string;
}
