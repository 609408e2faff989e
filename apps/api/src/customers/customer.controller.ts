import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import { ApiCommand } from '../http/api-command.decorator';
import { CommandMetadata, type CommandMeta } from '../http/command-meta.decorator';
import { commandResponse, plain } from '../http/command-response';
import type { CommandResultDto } from '../http/command-result.dto';
import { IdPipe } from '../http/id.pipe';
import { DealIndex } from '../queries/deal-index';
import { DealQueryController } from '../queries/deal-query.controller';
import * as cmd from './customer.commands';
import { SweepIdleCustomersCommand, SweepResultDto, type SweepResult } from './sweep.command';
import {
  ChangeCustomerSegmentDto,
  ClaimCustomerDto,
  RecordCustomerTouchDto,
  RegisterCustomerDto,
  ReleaseCustomerDto,
  ReturnCustomerDto,
  TransferCustomerDto,
} from './customer.dtos';

const stream = (id: string) => `customer-${id}`;

@ApiTags('customers')
@Controller('api/customers')
export class CustomerController extends DealQueryController('customer', 'Customer') {
  constructor(
    private readonly commands: CommandBus,
    private readonly index: DealIndex,
    queries: QueryBus,
  ) {
    super(queries);
  }

  @ApiCommand('', 'RegisterCustomer', 'register a customer; it starts in the public pool')
  async register(
    @Body() body: RegisterCustomerDto,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<CommandResultDto> {
    const { customerId, ...data } = plain(body);
    const message = new cmd.RegisterCustomerCommand(
      stream(customerId),
      { type: 'RegisterCustomer', data },
      meta,
    );
    return commandResponse(customerId, await this.commands.execute(message));
  }

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

  @ApiCommand(
    ':id/claim',
    'ClaimCustomer',
    'take a public-pool customer into a private pool (capacity applies)',
  )
  async claim(
    @Param('id', IdPipe) id: string,
    @Body() body: ClaimCustomerDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const owner = body.owner ?? meta.actor.id;
    const data = { ...plain(body), ownedCount: this.index.ownedCustomers(owner) };
    const message = new cmd.ClaimCustomerCommand(stream(id), { type: 'ClaimCustomer', data }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/transfer', 'TransferCustomer', 'move the customer to another owner (managers)')
  async transfer(
    @Param('id', IdPipe) id: string,
    @Body() body: TransferCustomerDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const data = { ...plain(body), ownedCount: this.index.ownedCustomers(body.owner) };
    const message = new cmd.TransferCustomerCommand(stream(id), { type: 'TransferCustomer', data }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/touches',
    'RecordCustomerTouch',
    'record a visit, call, chat or email (keeps it out of the sweep)',
  )
  async touch(
    @Param('id', IdPipe) id: string,
    @Body() body: RecordCustomerTouchDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RecordCustomerTouchCommand(
      stream(id),
      { type: 'RecordCustomerTouch', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/release', 'ReleaseCustomer', 'the owner lets the customer go to the public pool')
  async release(
    @Param('id', IdPipe) id: string,
    @Body() body: ReleaseCustomerDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReleaseCustomerCommand(
      stream(id),
      { type: 'ReleaseCustomer', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/return', 'ReturnCustomerToPublicPool', 'a manager returns the customer to the public pool')
  async return(
    @Param('id', IdPipe) id: string,
    @Body() body: ReturnCustomerDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const data = { reason: 'manager' as const, note: body.note };
    const message = new cmd.ReturnCustomerToPublicPoolCommand(
      stream(id),
      { type: 'ReturnCustomerToPublicPool', data },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/segment', 'ChangeCustomerSegment', 'mark the customer strategic or ordinary (managers)')
  async segment(
    @Param('id', IdPipe) id: string,
    @Body() body: ChangeCustomerSegmentDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ChangeCustomerSegmentCommand(
      stream(id),
      { type: 'ChangeCustomerSegment', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }
}
