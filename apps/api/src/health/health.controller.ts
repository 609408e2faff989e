import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';

class StoreHealth {
  @ApiProperty({ enum: ['sqlite', 'eventstoredb', 'memory'] })
  kind!: string;
  @ApiProperty({ description: 'false until the event-store adapter is wired in' })
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
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOkResponse({ type: Health })
  health(): Health {
    return { status: 'ok', store: { kind: this.config.eventStore, configured: false, position: null } };
  }
}
