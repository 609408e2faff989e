import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { InvalidValueError } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import type { PlanPeriods } from '@ltc/read-models';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { IdPipe } from '../http/id.pipe';
import { GetPlanPeriodsQuery, PayrollExportQuery } from './incentive-periods.query-handler';

/** The periods of a plan and a period's payroll export (sales operations and admins). */
@ApiTags('incentives')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody, description: 'only sales operations or an admin (opsOnly)' })
@Controller('api/incentives')
export class IncentivePeriodsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('plans/:planId/periods')
  @ApiOperation({
    operationId: 'listIncentivePlanPeriods',
    summary:
      "a plan's periods, oldest first: open or closed (frozen at which log position, by whom), with each person's totals",
  })
  @ApiOkResponse({ description: 'PlanPeriods (libs/read-models/src/incentives/types.ts)' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'no such plan' })
  periods(@CurrentActor() actor: Actor, @Param('planId', IdPipe) planId: string): Promise<PlanPeriods> {
    return this.queries.execute(new GetPlanPeriodsQuery(actor, planId));
  }

  @Get('periods/:id/export')
  @ApiOperation({
    operationId: 'exportIncentivePeriod',
    summary:
      'the payroll export of a period (`{planId}.{period}`): a CSV row per person with earned, adjustments, balance brought in, total to pay, balance carried out',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['csv'] })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV file', schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'a bad period id or format' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'no such plan, or a period it knows nothing of' })
  async export(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() res: Response,
    @Query('format') format?: string,
  ): Promise<void> {
    if (format !== undefined && format !== 'csv')
      throw new InvalidValueError('format', `must be csv, got "${format}"`);
    const csv: string = await this.queries.execute(new PayrollExportQuery(actor, id));
    res
      .status(200)
      .set('cache-control', 'no-store')
      .type('text/csv')
      .attachment(`payroll-${id}.csv`)
      .send(csv);
  }
}
