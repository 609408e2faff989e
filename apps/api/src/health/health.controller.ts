import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { logTruncations } from '@ltc/projections';
import { ProjectionStatusDto } from '../read-models/read-model.response.dtos';
import { ReadModels } from '../read-models/read-models.service';

class SubscriptionInterruptionDto {
  @ApiProperty()
  at!: string;
  @ApiProperty({ example: 'ended by the server' })
  reason!: string;
}

class SubscriptionHealthDto {
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

class StoreHealth {
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

class LogTruncationDto {
  @ApiProperty({ description: 'when a runner found it' })
  detectedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'where the log ended then' })
  head!: string | null;
  @ApiProperty({ description: 'how far the read models had seen the log before' })
  seenUpTo!: string;
}

class ProjectionsHealth {
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

class Health {
  @ApiProperty({ example: 'ok' })
  status!: string;
  @ApiProperty({ type: StoreHealth })
  store!: StoreHealth;
  @ApiPropertyOptional({
    type: ProjectionsHealth,
    description: 'read models: checkpoints and lag behind the log',
  })
  projections?: ProjectionsHealth;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly readModels?: ReadModels,
  ) {}

  @Get()
  @ApiOkResponse({ type: Health })
  @ApiServiceUnavailableResponse({ description: 'the event store did not answer' })
  async health(): Promise<Health> {
    let position: string | null;
    try {
      position = await this.store.headPosition();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ServiceUnavailableException(`event store (${this.store.kind}) did not answer: ${reason}`);
    }
    const subscriptions = this.store.subscriptionHealth?.();
    const store: StoreHealth = { kind: this.store.kind, configured: true, position };
    if (subscriptions !== undefined) store.subscriptions = [...subscriptions];
    if (this.readModels === undefined) return { status: 'ok', store };
    return { status: 'ok', store, projections: await this.projections(this.readModels) };
  }

  private async projections(readModels: ReadModels): Promise<ProjectionsHealth> {
    const generations = await readModels.status();
    const serving = generations.filter((g) => g.status === 'serving');
    const lags = serving.map((g) => g.lag);
    return {
      caughtUp: serving.length > 0 && serving.every((g) => g.caughtUp),
      lag: lags.includes(null) ? null : Math.max(0, ...(lags as number[])),
      generations: [...generations],
      truncations: logTruncations(readModels.store.db),
    };
  }
}
