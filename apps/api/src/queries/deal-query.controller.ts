import { Get, Param, Query, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { IdPipe } from '../http/id.pipe';
import {
  GetDealQuery,
  GetHistoryQuery,
  ListDealsQuery,
  type DealView,
  type HistoryPage,
  type ListPage,
} from './deal.queries';
import { AsOfQueryDto } from '../read-models/read-model.request.dtos';
import { DealViewDto, HistoryPageDto, HistoryQueryDto, ListPageDto, ListQueryDto } from './query.dtos';

/** The three read operations every workflow's controller inherits: one, its history, and a list. */
export function DealQueryController(
  kind: string,
  label: string,
  plural = `${label}s`,
): Type<{ queries: QueryBus }> {
  abstract class Queries {
    constructor(readonly queries: QueryBus) {}

    @Get()
    @ApiOperation({
      operationId: `list${plural}`,
      summary: `${plural} this caller may see, newest first, filtered`,
    })
    @ApiBearerAuth()
    @ApiOkResponse({ type: ListPageDto })
    @ApiUnauthorizedResponse({ type: ErrorBody })
    list(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<ListPage> {
      return this.queries.execute(new ListDealsQuery(kind, actor, query));
    }

    @Get(':id')
    @ApiOperation({
      operationId: `get${label}`,
      summary: `one ${kind}: state, context, revision, allowed commands; as of a business instant or as known then`,
    })
    @ApiBearerAuth()
    @ApiOkResponse({ type: DealViewDto })
    @ApiNotFoundResponse({ type: ErrorBody, description: 'no such stream (or none yet at the moment asked)' })
    @ApiUnauthorizedResponse({ type: ErrorBody })
    get(
      @CurrentActor() actor: Actor,
      @Param('id', IdPipe) id: string,
      @Query() query: AsOfQueryDto,
    ): Promise<DealView> {
      return this.queries.execute(new GetDealQuery(kind, id, actor, query));
    }

    @Get(':id/history')
    @ApiOperation({
      operationId: `get${label}History`,
      summary: `the ${kind}'s events in order, with actors (paged)`,
    })
    @ApiBearerAuth()
    @ApiOkResponse({ type: HistoryPageDto })
    @ApiNotFoundResponse({ type: ErrorBody })
    @ApiUnauthorizedResponse({ type: ErrorBody })
    history(
      @CurrentActor() actor: Actor,
      @Param('id', IdPipe) id: string,
      @Query() query: HistoryQueryDto,
    ): Promise<HistoryPage> {
      return this.queries.execute(new GetHistoryQuery(kind, id, actor, query.from, query.limit, query));
    }
  }
  return Queries as unknown as Type<{ queries: QueryBus }>;
}
