import { defineWorkflow, requireText, LIMITS } from '@ltc/workflow-kit';
import {
  buildGateReviewRequest,
  buildGateVote,
  buildRoleReassignment,
  buildTriangleAssignment,
} from '@ltc/workflow-gates';
import {
  buildAbandonment,
  buildAmountChange,
  buildBid,
  buildCloseDateChange,
  buildForecastCategory,
  buildLoss,
  buildNegotiationRound,
  buildOpen,
  buildQuote,
  buildRevision,
  buildValidation,
  buildWin,
} from './opportunity.build';
import type { OpportunityCommand } from './opportunity.commands';
import { opportunityRefusalTexts } from './opportunity.guards';
import { opportunityMachine } from './opportunity.machine';
import type { OpportunityPolicy } from './opportunity.policy';

/** The opportunity decider (stream `opportunity-<id>`). */
export const opportunityWorkflow = defineWorkflow<
  typeof opportunityMachine,
  OpportunityCommand,
  OpportunityPolicy
>({
  name: 'opportunity',
  version: 1,
  machine: opportunityMachine,
  refusalTexts: opportunityRefusalTexts,
  commands: {
    OpenOpportunity: { produces: 'OpportunityOpened', build: (c) => buildOpen(c) },
    AssignIronTriangle: { produces: 'IronTriangleAssigned', build: (c) => buildTriangleAssignment(c) },
    ReassignIronTriangleRole: {
      produces: 'IronTriangleRoleReassigned',
      build: (c, s) => buildRoleReassignment(c, s.context.triangle),
    },
    ValidateOpportunity: { produces: 'OpportunityValidated', build: (c) => buildValidation(c) },
    RecordPreBidGuidance: {
      produces: 'PreBidGuidanceRecorded',
      build: (c) => ({
        type: 'PreBidGuidanceRecorded',
        data: { note: requireText(c.type, 'note', c.data.note, LIMITS.prose) },
      }),
    },
    RequestGateReview: {
      produces: 'GateReviewRequested',
      build: (c, s, ctx) => buildGateReviewRequest(c, s.context.gates, ctx.policy.gates),
    },
    CastGateVote: {
      produces: 'GateVoteCast',
      build: (c, s, ctx) => buildGateVote(c, s.context.gates, ctx.actor),
    },
    PrepareQuote: { produces: 'QuotePrepared', build: (c) => buildQuote(c) },
    SubmitBid: { produces: 'BidSubmitted', build: (c, _s, ctx) => buildBid(c, ctx) },
    RecordNegotiationRound: {
      produces: 'NegotiationRoundRecorded',
      build: (c, s, ctx) => buildNegotiationRound(c, s, ctx),
    },
    ReviseQuote: { produces: 'QuoteRevised', build: (c, s, ctx) => buildRevision(c, s, ctx) },
    ChangeAmount: { produces: 'OpportunityAmountChanged', build: (c, s) => buildAmountChange(c, s) },
    ChangeExpectedCloseDate: {
      produces: 'ExpectedCloseDateChanged',
      build: (c, s) => buildCloseDateChange(c, s),
    },
    SetForecastCategory: { produces: 'ForecastCategorySet', build: (c, s) => buildForecastCategory(c, s) },
    WinOpportunity: { produces: 'OpportunityWon', build: (c, s, ctx) => buildWin(c, s, ctx) },
    LoseOpportunity: { produces: 'OpportunityLost', build: (c, s) => buildLoss(c, s) },
    AbandonOpportunity: { produces: 'OpportunityAbandoned', build: (c, s) => buildAbandonment(c, s) },
  },
});
