import { HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CommandController } from '../http/command.controller';
import { ErrorBody } from '../http/error-body';
import { customerRoutes } from './customer.routes';
import { SweepIdleCustomersCommand, SweepResultDto, type SweepResult } from './sweep.command';

/** `/api/customers`: the route table's commands, the read operations, and the idle sweep. */
export class CustomerController extends CommandController(customerRoutes) {
  @Post('sweep')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'sweepIdleCustomers',
    summary: 'return customers idle past the policy to the public pool (managers; also runs on a schedule)',
  })
  @ApiBearerAuth()
  @ApiOkResponse({ type: SweepResultDto })
  @ApiForbiddenResponse({ type: ErrorBody })
  sweep(@CurrentActor() actor: Actor): Promise<SweepResult> {
    return this.commands.execute(new SweepIdleCustomersCommand(actor));
  }
}
