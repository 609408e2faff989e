import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { exportTimeline } from '@ltc/read-models';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { GetAuditTimelineQuery, VerifyStreamQuery, type TimelineAnswer } from './read-model.queries';
import { AsOfQueryDto, ExportQueryDto } from './read-model.request.dtos';
import { AuditTimelineDto, VerificationDto } from './read-model.response.dtos';
import { STREAM_ID_PATTERN, StreamIdPipe } from './stream-id.pipe';

const StreamParam = () =>
  ApiParam({
    name: 'stream',
    example: 'opportunity-7f3a',
    schema: { type: 'string', pattern: STREAM_ID_PATTERN.source },
  });

/** Who did what, when and why, the state after each event, and whether the stored history is intact. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiBadRequestResponse({ type: ErrorBody, description: 'not a stream id, or a bad asOf' })
@ApiNotFoundResponse({ type: ErrorBody, description: 'no such stream, or one the caller may not see' })
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':stream/timeline')
  @StreamParam()
  @ApiOperation({
    operationId: 'getAuditTimeline',
    summary:
      "a stream's events with actor, roles, command, causation, correlation, the state after each, hashes",
  })
  @ApiOkResponse({ type: AuditTimelineDto })
  timeline(
    @CurrentActor() actor: Actor,
    @Param('stream', StreamIdPipe) stream: string,
    @Query() query: AsOfQueryDto,
  ): Promise<TimelineAnswer> {
    return this.queries.execute(new GetAuditTimelineQuery(actor, stream, query.asOf));
  }

  @Get(':stream/verify')
  @StreamParam()
  @ApiOperation({
    operationId: 'verifyAuditChain',
    summary: "recomputes the stream's hash chain and names the first event that does not match",
  })
  @ApiOkResponse({ type: VerificationDto })
  verify(@CurrentActor() actor: Actor, @Param('stream', StreamIdPipe) stream: string) {
    return this.queries.execute(new VerifyStreamQuery(actor, stream));
  }

  @Get(':stream/export')
  @StreamParam()
  @ApiOperation({
    operationId: 'exportAuditTimeline',
    summary: 'the timeline with its hashes as a JSON or CSV file',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'the file', schema: { type: 'string' } })
  @Header('cache-control', 'no-store')
  async export(
    @CurrentActor() actor: Actor,
    @Param('stream', StreamIdPipe) stream: string,
    @Query() query: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const timeline = await this.queries.execute(new GetAuditTimelineQuery(actor, stream, query.asOf));
    res
      .status(200)
      .type(query.format === 'csv' ? 'text/csv' : 'application/json')
      .attachment(`${stream}.${query.format}`)
      .send(exportTimeline(stream, timeline.entries, query.format));
  }
}
