import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';

class StoreHealth {
  @ApiProperty({ enum: ['sqlite', 'eventstoredb', 'memory'] })
  kind!: string;
  @ApiProperty({ description: 'true once the configured adapter is open' })
  configured!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'position of the last stored event' })
  position!: string | null;
}

class Health {
  @ApiProperty({ example: 'ok' })
  status!: string;
  @ApiProperty({ type: StoreHealth })
  store!: StoreHealth;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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
    return { status: 'ok', store: { kind: this.store.kind, configured: true, position } };
  }
}
