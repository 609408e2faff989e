import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import type { WhatIfAnswer } from '@ltc/read-models';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { WhatIfDto } from './dtos/incentive-what-if.dto';
import { WhatIfQuery } from './incentive-what-if.query-handler';

/** "What if this plan had applied": a replay of the history with draft terms; nothing is written. */
@ApiTags('incentives')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@Controller('api/incentives')
export class IncentiveWhatIfController {
  constructor(private readonly queries: QueryBus) {}

  @Post('what-if')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'incentiveWhatIf',
    summary:
      'live vs what-if totals per person and period for a draft plan over a period range (nothing written)',
  })
  @ApiOkResponse({ description: 'WhatIfAnswer (libs/read-models/src/incentives/types.ts)' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'draft terms refused, naming the field' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'only sales operations, managers and admins' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'no such plan' })
  whatIf(@CurrentActor() actor: Actor, @Body() body: WhatIfDto): Promise<WhatIfAnswer> {
    return this.queries.execute(new WhatIfQuery(actor, body));
  }
}
