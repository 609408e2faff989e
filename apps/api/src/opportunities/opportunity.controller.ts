import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { idFromCommand } from '@ltc/engine';
import type { GateName } from '@ltc/workflow-gates';
import { ApiGateParam, GateNamePipe } from '../gates/gate-name.pipe';
import {
  AssignIronTriangleDto,
  CastGateVoteDto,
  ReassignIronTriangleRoleDto,
  RequestGateReviewDto,
} from '../gates/gate.dtos';
import { ApiCommand } from '../http/api-command.decorator';
import { CommandMetadata, type CommandMeta } from '../http/command-meta.decorator';
import { commandResponse, plain } from '../http/command-response';
import type { CommandResultDto } from '../http/command-result.dto';
import { ReasonDto } from '../http/common.dto';
import { IdPipe } from '../http/id.pipe';
import { DealQueryController } from '../queries/deal-query.controller';
import * as cmd from './opportunity.commands';
import {
  ChangeAmountDto,
  ChangeExpectedCloseDateDto,
  LoseOpportunityDto,
  OpenOpportunityDto,
  PrepareQuoteDto,
  RecordNegotiationRoundDto,
  RecordPreBidGuidanceDto,
  ReviseQuoteDto,
  SubmitBidDto,
  ValidateOpportunityDto,
  WinOpportunityDto,
} from './opportunity.dtos';

const stream = (id: string) => `opportunity-${id}`;

/** The three gates of a deal; `quoteReview` also re-reviews a quote revised below the threshold. */
const OPPORTUNITY_GATES: readonly GateName[] = ['opportunityApproval', 'solutionConsensus', 'quoteReview'];
const gatePipe = new GateNamePipe(OPPORTUNITY_GATES);

@ApiTags('opportunities')
@Controller('api/opportunities')
export class OpportunityController extends DealQueryController(
  'opportunity',
  'Opportunity',
  'Opportunities',
) {
  constructor(
    private readonly commands: CommandBus,
    queries: QueryBus,
  ) {
    super(queries);
  }

  @ApiCommand('', 'OpenOpportunity', 'open an opportunity for a customer the caller works')
  async open(
    @Body() body: OpenOpportunityDto,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<CommandResultDto> {
    const { opportunityId, ...data } = plain(body);
    const id = opportunityId ?? idFromCommand(meta.commandId, 'opportunity');
    return commandResponse(
      id,
      await this.commands.execute(
        new cmd.OpenOpportunityCommand(stream(id), { type: 'OpenOpportunity', data }, meta),
      ),
    );
  }

  @ApiCommand(':id/triangle', 'AssignIronTriangle', 'name the AR, SR and FR of the deal (managers)')
  async assignTriangle(
    @Param('id', IdPipe) id: string,
    @Body() body: AssignIronTriangleDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.AssignIronTriangleCommand(
      stream(id),
      { type: 'AssignIronTriangle', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/triangle/reassign',
    'ReassignIronTriangleRole',
    'give one triangle role to another person, with the reason (managers)',
  )
  async reassignTriangleRole(
    @Param('id', IdPipe) id: string,
    @Body() body: ReassignIronTriangleRoleDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReassignIronTriangleRoleCommand(
      stream(id),
      { type: 'ReassignIronTriangleRole', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/validate',
    'ValidateOpportunity',
    'answer the four questions: real, fit, win chance, worth it',
  )
  async validate(
    @Param('id', IdPipe) id: string,
    @Body() body: ValidateOpportunityDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ValidateOpportunityCommand(
      stream(id),
      { type: 'ValidateOpportunity', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/pre-bid-guidance',
    'RecordPreBidGuidance',
    "record how the customer's requirements and standards were guided",
  )
  async preBidGuidance(
    @Param('id', IdPipe) id: string,
    @Body() body: RecordPreBidGuidanceDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RecordPreBidGuidanceCommand(
      stream(id),
      { type: 'RecordPreBidGuidance', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/gates/:gate/review', 'RequestGateReview', 'open a review round of a gate for the triangle')
  @ApiGateParam(OPPORTUNITY_GATES)
  async requestGateReview(
    @Param('id', IdPipe) id: string,
    @Param('gate', gatePipe) gate: GateName,
    @Body() _body: RequestGateReviewDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RequestGateReviewCommand(
      stream(id),
      { type: 'RequestGateReview', data: { gate } },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/gates/:gate/votes',
    'CastGateVote',
    'approve or reject the open round as the holder of a triangle role',
  )
  @ApiGateParam(OPPORTUNITY_GATES)
  async castGateVote(
    @Param('id', IdPipe) id: string,
    @Param('gate', gatePipe) gate: GateName,
    @Body() body: CastGateVoteDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.CastGateVoteCommand(
      stream(id),
      { type: 'CastGateVote', data: { gate, ...plain(body) } },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/quote', 'PrepareQuote', 'prepare the quote that goes to quote review')
  async prepareQuote(
    @Param('id', IdPipe) id: string,
    @Body() body: PrepareQuoteDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.PrepareQuoteCommand(
      stream(id),
      { type: 'PrepareQuote', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/quote/revise', 'ReviseQuote', 'change the price during negotiation, with the reason')
  async reviseQuote(
    @Param('id', IdPipe) id: string,
    @Body() body: ReviseQuoteDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReviseQuoteCommand(stream(id), { type: 'ReviseQuote', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/bid', 'SubmitBid', 'submit the bid at or above the approved quote')
  async submitBid(
    @Param('id', IdPipe) id: string,
    @Body() body: SubmitBidDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.SubmitBidCommand(stream(id), { type: 'SubmitBid', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/negotiation-rounds',
    'RecordNegotiationRound',
    'record a negotiation round: its situation and any price change',
  )
  async negotiationRound(
    @Param('id', IdPipe) id: string,
    @Body() body: RecordNegotiationRoundDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RecordNegotiationRoundCommand(
      stream(id),
      { type: 'RecordNegotiationRound', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/amount', 'ChangeAmount', 'change the pipeline value of the deal')
  async changeAmount(
    @Param('id', IdPipe) id: string,
    @Body() body: ChangeAmountDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ChangeAmountCommand(
      stream(id),
      { type: 'ChangeAmount', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/expected-close-date', 'ChangeExpectedCloseDate', 'move the expected close date')
  async changeExpectedCloseDate(
    @Param('id', IdPipe) id: string,
    @Body() body: ChangeExpectedCloseDateDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ChangeExpectedCloseDateCommand(
      stream(id),
      { type: 'ChangeExpectedCloseDate', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/win', 'WinOpportunity', 'the contract is signed; the engine opens it')
  async win(
    @Param('id', IdPipe) id: string,
    @Body() body: WinOpportunityDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const { contractId, ...rest } = plain(body);
    const data = { ...rest, contractId: contractId ?? idFromCommand(meta.commandId, 'contract') };
    const message = new cmd.WinOpportunityCommand(stream(id), { type: 'WinOpportunity', data }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/lose', 'LoseOpportunity', 'the customer chose another bid: the reason and competitor')
  async lose(
    @Param('id', IdPipe) id: string,
    @Body() body: LoseOpportunityDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.LoseOpportunityCommand(
      stream(id),
      { type: 'LoseOpportunity', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/abandon', 'AbandonOpportunity', 'stop working the deal, with the reason')
  async abandon(
    @Param('id', IdPipe) id: string,
    @Body() body: ReasonDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.AbandonOpportunityCommand(
      stream(id),
      { type: 'AbandonOpportunity', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }
}
