import { opportunityStream } from '@ltc/domain';
import type { GateName } from '@ltc/workflow-gates';
import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { CastGateVoteDto, RequestGateReviewDto } from '../gates/dtos/gate-vote.dtos';
import { AssignIronTriangleDto, ReassignIronTriangleRoleDto } from '../gates/dtos/triangle.dtos';
import { ReasonDto } from '../http/common.dto';
import { routeTable } from '../http/command-route';
import {
  ChangeAmountDto,
  ChangeExpectedCloseDateDto,
  SetForecastCategoryDto,
} from './dtos/deal-changes.dtos';
import { RecordNegotiationRoundDto } from './dtos/negotiation-round.dto';
import { OpenOpportunityDto } from './dtos/open-opportunity.dto';
import { LoseOpportunityDto, WinOpportunityDto } from './dtos/outcome.dtos';
import { RecordPreBidGuidanceDto } from './dtos/pre-bid-guidance.dto';
import { PrepareQuoteDto, ReviseQuoteDto, SubmitBidDto } from './dtos/quote.dtos';
import { ValidateOpportunityDto } from './dtos/validate-opportunity.dto';
import { OpportunityWorkflowCommand } from './opportunity.commands';

/** The three gates of a deal; `quoteReview` also re-reviews a quote revised below the threshold. */
const gates: readonly GateName[] = ['opportunityApproval', 'solutionConsensus', 'quoteReview'];

/** Every opportunity command over HTTP: `POST /api/opportunities/...`. */
export const opportunityRoutes = routeTable<OpportunityCommand>()({
  path: 'opportunities',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  stream: opportunityStream,
  message: OpportunityWorkflowCommand,
  routes: {
    OpenOpportunity: {
      path: '',
      dto: OpenOpportunityDto,
      creates: 'opportunityId',
      summary: 'open an opportunity for a customer the caller works',
    },
    AssignIronTriangle: {
      path: ':id/triangle',
      dto: AssignIronTriangleDto,
      summary: 'name the AR, SR and FR of the deal (managers)',
    },
    ReassignIronTriangleRole: {
      path: ':id/triangle/reassign',
      dto: ReassignIronTriangleRoleDto,
      summary: 'give one triangle role to another person, with the reason (managers)',
    },
    ValidateOpportunity: {
      path: ':id/validate',
      dto: ValidateOpportunityDto,
      summary: 'answer the four questions: real, fit, win chance, worth it',
    },
    RecordPreBidGuidance: {
      path: ':id/pre-bid-guidance',
      dto: RecordPreBidGuidanceDto,
      summary: "record how the customer's requirements and standards were guided",
    },
    RequestGateReview: {
      path: ':id/gates/:gate/review',
      dto: RequestGateReviewDto,
      gates,
      summary: 'open a review round of a gate for the triangle',
    },
    CastGateVote: {
      path: ':id/gates/:gate/votes',
      dto: CastGateVoteDto,
      gates,
      summary: 'approve or reject the open round as the holder of a triangle role',
    },
    PrepareQuote: {
      path: ':id/quote',
      dto: PrepareQuoteDto,
      summary: 'prepare the quote that goes to quote review',
    },
    ReviseQuote: {
      path: ':id/quote/revise',
      dto: ReviseQuoteDto,
      summary: 'change the price during negotiation, with the reason',
    },
    SubmitBid: {
      path: ':id/bid',
      dto: SubmitBidDto,
      summary: 'submit the bid at or above the approved quote',
    },
    RecordNegotiationRound: {
      path: ':id/negotiation-rounds',
      dto: RecordNegotiationRoundDto,
      summary: 'record a negotiation round: its situation and any price change',
    },
    ChangeAmount: {
      path: ':id/amount',
      dto: ChangeAmountDto,
      summary: 'change the pipeline value of the deal',
    },
    ChangeExpectedCloseDate: {
      path: ':id/expected-close-date',
      dto: ChangeExpectedCloseDateDto,
      summary: 'move the expected close date',
    },
    SetForecastCategory: {
      path: ':id/forecast-category',
      dto: SetForecastCategoryDto,
      summary: 'call the deal pipeline, best case, commit or omitted (the AR or a manager)',
    },
    WinOpportunity: {
      path: ':id/win',
      dto: WinOpportunityDto,
      newIds: { contractId: 'contract' },
      summary: 'the contract is signed; the engine opens it',
    },
    LoseOpportunity: {
      path: ':id/lose',
      dto: LoseOpportunityDto,
      summary: 'the customer chose another bid: the reason and competitor',
    },
    AbandonOpportunity: {
      path: ':id/abandon',
      dto: ReasonDto,
      summary: 'stop working the deal, with the reason',
    },
  },
});
