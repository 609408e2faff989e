import { applyDecorators, Body, Controller, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { idFromCommand } from '@ltc/engine';
import type { GateName } from '@ltc/workflow-gates';
import { ApiGateParam, GateNamePipe } from '../gates/gate-name.pipe';
import { CastGateVoteDto, ReassignIronTriangleRoleDto, RequestGateReviewDto } from '../gates/gate.dtos';
import { ApiCommand } from '../http/api-command.decorator';
import { CommandMetadata, type CommandMeta } from '../http/command-meta.decorator';
import { commandResponse, plain } from '../http/command-response';
import type { CommandResultDto } from '../http/command-result.dto';
import { ReasonDto } from '../http/common.dto';
import { IdPipe } from '../http/id.pipe';
import { DealQueryController } from '../queries/deal-query.controller';
import * as cmd from './contract.commands';
import {
  ChangeContractDto,
  CloseContractDto,
  CompleteDeliveryMilestoneDto,
  ConfirmContractDto,
  DeclareDeliveryCompleteDto,
  EvaluateContractDto,
  IssueInvoiceDto,
  OpenContractDto,
  OpenDisputeDto,
  RaiseRiskDto,
  RecordPaymentDto,
  ResolveDisputeDto,
  ResolveRiskDto,
  WriteOffInvoiceDto,
} from './contract.dtos';

const stream = (id: string) => `contract-${id}`;

/** A contract has one gate: the triangle agrees the delivery plan before delivery starts. */
const CONTRACT_GATES: readonly GateName[] = ['deliveryHandover'];
const gatePipe = new GateNamePipe(CONTRACT_GATES);

/** A command the opportunity has too: its contract operation needs an operationId of its own. */
const ApiSharedCommand = (path: string, commandType: string, summary: string, operationId: string) =>
  applyDecorators(
    ApiCommand(path, commandType, summary),
    ApiOperation({ operationId, summary: `${commandType}: ${summary}` }),
  );

@ApiTags('contracts')
@Controller('api/contracts')
export class ContractController extends DealQueryController('contract', 'Contract') {
  constructor(
    private readonly commands: CommandBus,
    queries: QueryBus,
  ) {
    super(queries);
  }

  @ApiCommand('', 'OpenContract', 'open the contract of a won deal (the engine does this; managers may too)')
  async open(@Body() body: OpenContractDto, @CommandMetadata() meta: CommandMeta): Promise<CommandResultDto> {
    const { contractId, ...data } = plain(body);
    const id = contractId ?? idFromCommand(meta.commandId, 'contract');
    const message = new cmd.OpenContractCommand(stream(id), { type: 'OpenContract', data }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiSharedCommand(
    ':id/triangle/reassign',
    'ReassignIronTriangleRole',
    'give one triangle role to another person, with the reason (managers)',
    'reassignContractTriangleRole',
  )
  async reassignTriangleRole(
    @Param('id', IdPipe) id: string,
    @Body() body: ReassignIronTriangleRoleDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReassignContractTriangleRoleCommand(
      stream(id),
      { type: 'ReassignIronTriangleRole', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/confirm', 'ConfirmContract', "the customer's PO arrived: its number and amount")
  async confirm(
    @Param('id', IdPipe) id: string,
    @Body() body: ConfirmContractDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ConfirmContractCommand(
      stream(id),
      { type: 'ConfirmContract', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiSharedCommand(
    ':id/gates/:gate/review',
    'RequestGateReview',
    'open a delivery handover review round for the triangle',
    'requestContractGateReview',
  )
  @ApiGateParam(CONTRACT_GATES)
  async requestGateReview(
    @Param('id', IdPipe) id: string,
    @Param('gate', gatePipe) gate: GateName,
    @Body() _body: RequestGateReviewDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RequestContractGateReviewCommand(
      stream(id),
      { type: 'RequestGateReview', data: { gate } },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiSharedCommand(
    ':id/gates/:gate/votes',
    'CastGateVote',
    'approve or reject the handover as the holder of a triangle role',
    'castContractGateVote',
  )
  @ApiGateParam(CONTRACT_GATES)
  async castGateVote(
    @Param('id', IdPipe) id: string,
    @Param('gate', gatePipe) gate: GateName,
    @Body() body: CastGateVoteDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.CastContractGateVoteCommand(
      stream(id),
      { type: 'CastGateVote', data: { gate, ...plain(body) } },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/milestones', 'CompleteDeliveryMilestone', 'a delivery milestone is done')
  async completeMilestone(
    @Param('id', IdPipe) id: string,
    @Body() body: CompleteDeliveryMilestoneDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.CompleteDeliveryMilestoneCommand(
      stream(id),
      { type: 'CompleteDeliveryMilestone', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/delivery/complete', 'DeclareDeliveryComplete', 'the customer accepted the delivery')
  async completeDelivery(
    @Param('id', IdPipe) id: string,
    @Body() body: DeclareDeliveryCompleteDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.DeclareDeliveryCompleteCommand(
      stream(id),
      { type: 'DeclareDeliveryComplete', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/invoices',
    'IssueInvoice',
    'bill part of the contract amount (never more than it in total)',
  )
  async issueInvoice(
    @Param('id', IdPipe) id: string,
    @Body() body: IssueInvoiceDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.IssueInvoiceCommand(
      stream(id),
      { type: 'IssueInvoice', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/payments', 'RecordPayment', 'money received against an invoice (never more than it owes)')
  async recordPayment(
    @Param('id', IdPipe) id: string,
    @Body() body: RecordPaymentDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RecordPaymentCommand(
      stream(id),
      { type: 'RecordPayment', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/write-offs', 'WriteOffInvoice', 'give up what an invoice still owes, with the reason')
  async writeOffInvoice(
    @Param('id', IdPipe) id: string,
    @Body() body: WriteOffInvoiceDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.WriteOffInvoiceCommand(
      stream(id),
      { type: 'WriteOffInvoice', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/changes',
    'ChangeContract',
    'change scope and amount (separate contract, prospective or cumulative catch-up)',
  )
  async change(
    @Param('id', IdPipe) id: string,
    @Body() body: ChangeContractDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ChangeContractCommand(
      stream(id),
      { type: 'ChangeContract', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/risks', 'RaiseRisk', 'record a delivery or collection risk')
  async raiseRisk(
    @Param('id', IdPipe) id: string,
    @Body() body: RaiseRiskDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RaiseRiskCommand(stream(id), { type: 'RaiseRisk', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/risks/resolutions', 'ResolveRisk', 'close a risk with its resolution')
  async resolveRisk(
    @Param('id', IdPipe) id: string,
    @Body() body: ResolveRiskDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ResolveRiskCommand(stream(id), { type: 'ResolveRisk', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/disputes', 'OpenDispute', 'the customer disputes the contract or an invoice')
  async openDispute(
    @Param('id', IdPipe) id: string,
    @Body() body: OpenDisputeDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.OpenDisputeCommand(stream(id), { type: 'OpenDispute', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/disputes/resolutions',
    'ResolveDispute',
    'settle a dispute; its amount impact changes the contract amount',
  )
  async resolveDispute(
    @Param('id', IdPipe) id: string,
    @Body() body: ResolveDisputeDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ResolveDisputeCommand(
      stream(id),
      { type: 'ResolveDispute', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/terminate', 'TerminateContract', 'end the contract early, with the reason')
  async terminate(
    @Param('id', IdPipe) id: string,
    @Body() body: ReasonDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.TerminateContractCommand(
      stream(id),
      { type: 'TerminateContract', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/close', 'CloseContract', 'close a delivered, fully invoiced and settled contract')
  async close(
    @Param('id', IdPipe) id: string,
    @Body() body: CloseContractDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.CloseContractCommand(
      stream(id),
      { type: 'CloseContract', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/evaluate',
    'EvaluateContract',
    'evaluate the closed contract: satisfaction and success criteria',
  )
  async evaluate(
    @Param('id', IdPipe) id: string,
    @Body() body: EvaluateContractDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.EvaluateContractCommand(
      stream(id),
      { type: 'EvaluateContract', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }
}
