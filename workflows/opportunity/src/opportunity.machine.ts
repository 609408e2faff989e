import { and, setup } from 'xstate';
import { gateRequestGuards, gateReviewState } from '@ltc/workflow-gates';
import { opportunityActions } from './opportunity.actions';
import { initialOpportunityContext, type OpportunityContext } from './opportunity.context';
import type { OpportunityEvent } from './opportunity.events';
import { opportunityGuards } from './opportunity.guards';

const win = {
  guard: and(['currencyMatches', 'quoteApproved', 'signedAmountWithinReviewedQuote']),
  target: '#opportunity.won',
  actions: 'win',
} as const;
const lose = { target: '#opportunity.lost', actions: 'lose' } as const;

/**
 * opened -> validated -> [opportunity approval] -> pre-bid guidance -> [solution consensus] ->
 * bid preparation -> [quote review] -> bid ready -> bid submitted -> negotiation -> won | lost;
 * abandoned from any open state. A gate's rejection returns the deal to the stage before it.
 */
export const opportunityMachine = setup({
  types: { context: {} as OpportunityContext, events: {} as OpportunityEvent },
  guards: opportunityGuards,
  actions: opportunityActions,
}).createMachine({
  id: 'opportunity',
  context: initialOpportunityContext,
  initial: 'none',
  states: {
    none: { on: { OpportunityOpened: { target: 'open', actions: 'open' } } },
    open: {
      initial: 'opened',
      on: {
        IronTriangleAssigned: { guard: 'triangleNotAssigned', actions: 'assignTriangle' },
        IronTriangleRoleReassigned: {
          guard: and(['triangleAssigned', 'holderChanges']),
          actions: 'assignTriangle',
        },
        // Win probability moves all through a deal; re-validating never moves the stage.
        OpportunityValidated: { actions: 'validate' },
        OpportunityAmountChanged: {
          guard: and(['currencyMatches', 'amountDiffers']),
          actions: 'changeAmount',
        },
        ExpectedCloseDateChanged: { guard: 'closeDateDiffers', actions: 'changeExpectedCloseDate' },
        ForecastCategorySet: { guard: 'categoryDiffers', actions: 'setForecastCategory' },
        OpportunityAbandoned: { target: 'abandoned', actions: ['abandon', 'discardGateRound'] },
      },
      states: {
        opened: { on: { OpportunityValidated: { target: 'validated', actions: 'validate' } } },
        validated: {
          on: {
            GateReviewRequested: {
              guard: and([...gateRequestGuards('opportunityApproval'), 'validationSupportsApproval']),
              target: 'opportunityApproval',
              actions: 'openGateRound',
            },
          },
        },
        opportunityApproval: gateReviewState({ onPass: 'preBidGuidance', onReject: 'validated' }),
        preBidGuidance: {
          on: {
            PreBidGuidanceRecorded: { actions: 'recordGuidance' },
            GateReviewRequested: {
              guard: and([...gateRequestGuards('solutionConsensus'), 'preBidGuidanceRecorded']),
              target: 'solutionConsensus',
              actions: 'openGateRound',
            },
          },
        },
        solutionConsensus: gateReviewState({ onPass: 'bidPreparation', onReject: 'preBidGuidance' }),
        bidPreparation: {
          on: {
            QuotePrepared: { guard: 'currencyMatches', actions: 'prepareQuote' },
            GateReviewRequested: {
              guard: and([...gateRequestGuards('quoteReview'), 'quotePrepared']),
              target: 'quoteReview',
              actions: 'openGateRound',
            },
          },
        },
        quoteReview: gateReviewState({
          onPass: 'bidReady',
          onReject: 'bidPreparation',
          onPassActions: ['approveQuote'],
        }),
        bidReady: {
          on: {
            BidSubmitted: {
              guard: and(['currencyMatches', 'bidNotBelowApprovedQuote']),
              target: 'bidSubmitted',
              actions: 'submitBid',
            },
          },
        },
        bidSubmitted: {
          on: {
            NegotiationRoundRecorded: {
              guard: 'currencyMatches',
              target: 'negotiation',
              actions: 'recordNegotiationRound',
            },
            QuoteRevised: { guard: 'currencyMatches', target: 'negotiation', actions: 'reviseQuote' },
            OpportunityWon: win,
            OpportunityLost: lose,
          },
        },
        negotiation: {
          on: {
            NegotiationRoundRecorded: { guard: 'currencyMatches', actions: 'recordNegotiationRound' },
            QuoteRevised: { guard: 'currencyMatches', actions: 'reviseQuote' },
            GateReviewRequested: {
              guard: and([...gateRequestGuards('quoteReview'), 'quoteReviewRequired']),
              target: 'requoteReview',
              actions: 'openGateRound',
            },
            OpportunityWon: win,
            OpportunityLost: lose,
          },
        },
        // Quote review again for a price revised below the threshold; either way back to negotiation.
        requoteReview: gateReviewState({
          onPass: 'negotiation',
          onReject: 'negotiation',
          onPassActions: ['approveQuote'],
        }),
      },
    },
    won: { type: 'final' },
    lost: { type: 'final' },
    abandoned: { type: 'final' },
  },
});
