import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { ProcessManagers } from '../process-managers/process-managers.service';
import { ReadModels } from '../read-models/read-models.service';
import { Health } from './health.dtos';
import { healthReport } from './health.report';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly readModels?: ReadModels,
    @Optional() private readonly processManagers?: ProcessManagers,
  ) {}

  @Get()
  @ApiOkResponse({ type: Health })
  @ApiServiceUnavailableResponse({ description: 'the event store did not answer' })
  health(): Promise<Health> {
    return healthReport(this.store, this.readModels, this.processManagers);
  }
}
