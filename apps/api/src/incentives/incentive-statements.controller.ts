import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import type { IncentiveStatement, LineExplanation, StatementDiff } from '@ltc/read-models';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { IdPipe } from '../http/id.pipe';
import {
  DiffIncentiveStatementQuery,
  ExplainIncentiveLineQuery,
  GetIncentiveStatementQuery,
} from './incentive-statements.query-handler';

const query = (actor: Actor, person: string, period: string, knownAt?: string, planId?: string) =>
  new GetIncentiveStatementQuery(actor, person, period, {
    ...(knownAt === undefined ? {} : { knownAt }),
    ...(planId === undefined ? {} : { planId }),
  });

/** Incentive statements: lines, adjustments naming their causes, totals and the balance carried. */
@ApiTags('incentives')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiBadRequestResponse({ type: ErrorBody, description: 'a bad period id or knownAt' })
@ApiForbiddenResponse({ type: ErrorBody, description: "another rep's statement" })
@ApiNotFoundResponse({ type: ErrorBody, description: 'the person is in no plan (or not in the one named)' })
@Controller('api/incentives/statements')
export class IncentiveStatementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':person/:period')
  @ApiOperation({
    operationId: 'getIncentiveStatement',
    summary:
      "a person's statement for a period (frozen once closed), as known now or at ?knownAt (instant or log position)",
  })
  @ApiQuery({ name: 'knownAt', required: false, type: String })
  @ApiQuery({ name: 'planId', required: false, type: String })
  @ApiOkResponse({ description: 'IncentiveStatement (libs/read-models/src/incentives/types.ts)' })
  statement(
    @CurrentActor() actor: Actor,
    @Param('person', IdPipe) person: string,
    @Param('period') period: string,
    @Query('knownAt') knownAt?: string,
    @Query('planId') planId?: string,
  ): Promise<IncentiveStatement> {
    return this.queries.execute(query(actor, person, period, knownAt, planId));
  }

  @Get(':person/:period/lines/:lineId/explain')
  @ApiOperation({
    operationId: 'explainIncentiveLine',
    summary:
      'one line of a statement: the formula with its numbers, step by step, and the events it came from',
  })
  @ApiQuery({ name: 'knownAt', required: false, type: String })
  @ApiQuery({ name: 'planId', required: false, type: String })
  @ApiOkResponse({ description: 'LineExplanation (libs/read-models/src/incentives/types.ts)' })
  explain(
    @CurrentActor() actor: Actor,
    @Param('person', IdPipe) person: string,
    @Param('period') period: string,
    @Param('lineId') lineId: string,
    @Query('knownAt') knownAt?: string,
    @Query('planId') planId?: string,
  ): Promise<LineExplanation> {
    return this.queries.execute(
      new ExplainIncentiveLineQuery(query(actor, person, period, knownAt, planId), lineId),
    );
  }

  @Get(':person/:period/diff')
  @ApiOperation({
    operationId: 'diffIncentiveStatement',
    summary:
      'the statement as known at ?from and at ?to (instants or log positions): changed lines and the events between',
  })
  @ApiQuery({ name: 'from', required: true, type: String })
  @ApiQuery({ name: 'to', required: true, type: String })
  @ApiQuery({ name: 'planId', required: false, type: String })
  @ApiOkResponse({ description: 'StatementDiff (libs/read-models/src/incentives/types.ts)' })
  diff(
    @CurrentActor() actor: Actor,
    @Param('person', IdPipe) person: string,
    @Param('period') period: string,
    @Query('from') from: string,
    @Query('to') to: string,
    @Query('planId') planId?: string,
  ): Promise<StatementDiff> {
    return this.queries.execute(
      new DiffIncentiveStatementQuery(query(actor, person, period, undefined, planId), from ?? '', to ?? ''),
    );
  }
}
