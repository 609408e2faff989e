import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { StreamIds } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { IdPipe } from '../http/id.pipe';
import { GetAuditTimelineQuery, VerifyStreamQuery, type TimelineAnswer } from './read-model.queries';
import { AsOfQueryDto, ExportQueryDto } from './read-model.request.dtos';
import { AuditTimelineDto, VerificationDto } from './read-model.response.dtos';
import { ApiTimelineFile, KindParams, KindPipe, sendTimelineFile, StreamParam } from './audit.params';
import { StreamIdPipe } from './stream-id.pipe';

/** Who did what, when and why, the state after each event, and whether the stored history is intact. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiBadRequestResponse({ type: ErrorBody, description: 'not a stream id, or a bad asOf / knownAt' })
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
    return this.queries.execute(new GetAuditTimelineQuery(actor, stream, query));
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
  @ApiTimelineFile()
  async export(
    @CurrentActor() actor: Actor,
    @Param('stream', StreamIdPipe) stream: string,
    @Query() query: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const timeline = await this.queries.execute(new GetAuditTimelineQuery(actor, stream, query));
    sendTimelineFile(res, stream, timeline.entries, query.format);
  }

  @Get(':kind/:id/timeline')
  @KindParams()
  @ApiOperation({
    operationId: 'getDealAuditTimeline',
    summary: 'the audit timeline of a deal named by its kind and id (as `{stream}/timeline`)',
  })
  @ApiOkResponse({ type: AuditTimelineDto })
  timelineOf(
    @CurrentActor() actor: Actor,
    @Param('kind', KindPipe) kind: StreamIds,
    @Param('id', IdPipe) id: string,
    @Query() query: AsOfQueryDto,
  ): Promise<TimelineAnswer> {
    return this.timeline(actor, kind.id(id), query);
  }

  @Get(':kind/:id/verify')
  @KindParams()
  @ApiOperation({
    operationId: 'verifyDealAuditChain',
    summary: 'recomputes the hash chain of a deal named by its kind and id (as `{stream}/verify`)',
  })
  @ApiOkResponse({ type: VerificationDto })
  verifyOf(
    @CurrentActor() actor: Actor,
    @Param('kind', KindPipe) kind: StreamIds,
    @Param('id', IdPipe) id: string,
  ) {
    return this.verify(actor, kind.id(id));
  }

  @Get(':kind/:id/export')
  @KindParams()
  @ApiOperation({
    operationId: 'exportDealAuditTimeline',
    summary: 'the timeline of a deal named by its kind and id as a JSON or CSV file (as `{stream}/export`)',
  })
  @ApiTimelineFile()
  exportOf(
    @CurrentActor() actor: Actor,
    @Param('kind', KindPipe) kind: StreamIds,
    @Param('id', IdPipe) id: string,
    @Query() query: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.export(actor, kind.id(id), query, res);
  }
}
