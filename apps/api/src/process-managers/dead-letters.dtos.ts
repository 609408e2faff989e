import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Documents } from '../read-models/report-shape';
import type { DeadLetter } from './dead-letters';
import type { RetryOutcome } from './process-managers.service';

// What the dead-letter routes and /health answer, as OpenAPI describes it.

export class DeadLetterEventDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ example: 'LeadTouchRecorded' })
  type!: string;
  @ApiProperty({ example: 'lead-7f3a' })
  streamId!: string;
  @ApiProperty()
  revision!: number;
  @ApiProperty({ description: 'its log position' })
  position!: string;
}

export class DeadLetterDto {
  @ApiProperty({ example: 'touch-refreshes-customer:2b1e…', description: '<reaction>:<event id>' })
  id!: string;
  @ApiProperty({ example: 'touch-refreshes-customer' })
  reaction!: string;
  @ApiProperty({ type: DeadLetterEventDto, description: 'the event the reaction failed on' })
  event!: DeadLetterEventDto;
  @ApiProperty({ description: 'attempts so far (an infrastructure error is tried 3 times per run)' })
  attempts!: number;
  @ApiProperty()
  firstFailedAt!: string;
  @ApiProperty()
  lastFailedAt!: string;
  @ApiProperty({
    example: 'COMMAND_REFUSED: RecordCustomerTouch is not accepted in state none',
    description: "the last failure: the error's code and message",
  })
  error!: string;
}

export class RetryOutcomeDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: ['resolved', 'failed'], description: 'resolved: done and removed; failed: kept' })
  status!: 'resolved' | 'failed';
  @ApiProperty({ description: "events the reaction's commands appended (0 when they were there already)" })
  events!: number;
  @ApiPropertyOptional()
  error?: string;
}

export class RetryAnswerDto {
  @ApiProperty({ type: [RetryOutcomeDto] })
  retried!: RetryOutcomeDto[];
  @ApiProperty({ description: 'dead letters left after the retry' })
  remaining!: number;
}

// Compile-time checks: the DTOs document exactly what the service returns (drift fails typecheck).
const _letter: Documents<DeadLetterDto, DeadLetter> = true;
const _outcome: Documents<RetryOutcomeDto, RetryOutcome> = true;
