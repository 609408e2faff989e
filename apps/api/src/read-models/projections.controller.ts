import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ProjectionStatus } from '@ltc/projections';
import { concat, defer, from, map, type Observable } from 'rxjs';
import { ErrorBody } from '../http/error-body';
import { GetProjectionStatusQuery } from './read-model.queries';
import { ProjectionStatusDto } from './read-model.response.dtos';
import { ReadModels } from './read-models.service';

/** The projections themselves: generations, checkpoints and lag, and a live feed of their updates. */
@ApiTags('read models')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@Controller('api/projections')
export class ProjectionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getProjections',
    summary: 'every generation: version, status, checkpoint, lag',
  })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  status(): Promise<readonly ProjectionStatus[]> {
    return this.queries.execute(new GetProjectionStatusQuery());
  }

  @Sse('feed')
  @ApiOperation({
    operationId: 'followProjections',
    summary:
      'server-sent events: `status` once (every generation), then `batch` after each committed batch and ' +
      '`promoted` when a rebuilt generation starts serving; the data carries no deal details, so re-query',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an event stream', schema: { type: 'string' } })
  feed(): Observable<MessageEvent> {
    return concat(
      defer(() => from(this.readModels.status())).pipe(
        map((data): MessageEvent => ({ type: 'status', data })),
      ),
      this.readModels.updates.pipe(map((update): MessageEvent => ({ type: update.kind, data: update }))),
    );
  }
}
