import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadLetterDto } from '../process-managers/dead-letters.dtos';
import type { ProcessManagerStats } from '../process-managers/process-managers.service';
import { ProjectionStatusDto } from '../read-models/read-model.response.dtos';
import type { Documents } from '../read-models/report-shape';

// The answer of GET /health, as OpenAPI describes it.

export class SubscriptionInterruptionDto {
  @ApiProperty()
  at!: string;
  @ApiProperty({ example: 'ended by the server' })
  reason!: string;
}

export class SubscriptionHealthDto {
  @ApiProperty({ enum: ['catchingUp', 'live', 'reconnecting'] })
  state!: 'catchingUp' | 'live' | 'reconnecting';
  @ApiProperty({ description: 'times the live subscription was resumed after an end or a transient error' })
  reconnects!: number;
  @ApiProperty({ nullable: true, type: SubscriptionInterruptionDto })
  lastInterruption!: SubscriptionInterruptionDto | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'last position delivered: where a reconnect resumes',
  })
  position!: string | null;
}

export class StoreHealth {
  @ApiProperty({ enum: ['sqlite', 'eventstoredb', 'memory'] })
  kind!: string;
  @ApiProperty({ description: 'true once the configured adapter is open' })
  configured!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'position of the last stored event' })
  position!: string | null;
  @ApiPropertyOptional({
    type: [SubscriptionHealthDto],
    description: 'open subscriptions, for an adapter that reconnects them (EventStoreDB); absent otherwise',
  })
  subscriptions?: SubscriptionHealthDto[];
}

export class LogTruncationDto {
  @ApiProperty({ description: 'when a runner found it' })
  detectedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'where the log ended then' })
  head!: string | null;
  @ApiProperty({ description: 'how far the read models had seen the log before' })
  seenUpTo!: string;
}

export class ProjectionsHealth {
  @ApiProperty({ description: 'every serving read model has applied the last stored event' })
  caughtUp!: boolean;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the largest lag of a serving read model, in positions',
  })
  lag!: number | null;
  @ApiProperty({ type: [ProjectionStatusDto] })
  generations!: ProjectionStatusDto[];
  @ApiProperty({
    type: [LogTruncationDto],
    description:
      'times the log was found shorter than the read models had seen it (its last events deleted); kept ' +
      'after the rebuild that follows, as `ltc audit verify --all` reports them',
  })
  truncations!: LogTruncationDto[];
}

export class ProcessManagersHealth {
  @ApiProperty({ description: 'reactions that succeeded since the api started' })
  handled!: number;
  @ApiProperty({ description: 'reaction runs that failed since the api started' })
  failures!: number;
  @ApiProperty({
    description:
      'reactions that failed and wait for a retry (kept across restarts): ' +
      'GET /api/process-managers/dead-letters, POST …/retry',
  })
  deadLetters!: number;
  @ApiProperty({ type: DeadLetterDto, nullable: true, description: 'the oldest of them' })
  oldestDeadLetter!: DeadLetterDto | null;
}

export class Health {
  @ApiProperty({ example: 'ok' })
  status!: string;
  @ApiProperty({ type: StoreHealth })
  store!: StoreHealth;
  @ApiPropertyOptional({
    type: ProjectionsHealth,
    description: 'read models: checkpoints and lag behind the log',
  })
  projections?: ProjectionsHealth;
  @ApiPropertyOptional({
    type: ProcessManagersHealth,
    description: 'the work across streams: reactions done, failed, and their dead letters',
  })
  processManagers?: ProcessManagersHealth;
}

const _processManagers: Documents<ProcessManagersHealth, ProcessManagerStats> = true;
