import type { Money } from '@ltc/domain';
import { gateGuards, gateRefusalTexts } from '@ltc/workflow-gates';
import type { OpportunityContext } from './opportunity.context';
import type { OpportunityEvent } from './opportunity.events';
import { needsQuoteReview } from './opportunity.values';

type Args = Readonly<{ context: OpportunityContext; event: OpportunityEvent }>;

/** The money an event carries, if any: every amount on a deal must be in the deal's currency. */
export function moneyOf(event: OpportunityEvent): Money | undefined {
  switch (event.type) {
    case 'OpportunityAmountChanged':
    case 'QuotePrepared':
    case 'BidSubmitted':
    case 'QuoteRevised':
      return event.data.amount;
    case 'NegotiationRoundRecorded':
      return event.data.priceChange;
    case 'OpportunityWon':
      return event.data.signedAmount;
    case 'OpportunityOpened':
    case 'IronTriangleAssigned':
    case 'IronTriangleRoleReassigned':
    case 'OpportunityValidated':
    case 'PreBidGuidanceRecorded':
    case 'GateReviewRequested':
    case 'GateVoteCast':
    case 'GatePassed':
    case 'GateRejected':
    case 'ExpectedCloseDateChanged':
    case 'ForecastCategorySet':
    case 'OpportunityLost':
    case 'OpportunityAbandoned':
      return undefined;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const opportunityGuards = {
  ...gateGuards,
  currencyMatches: ({ context, event }: Args) => {
    const amount = moneyOf(event);
    return amount === undefined || amount.currency === context.amount.currency;
  },
  amountDiffers: ({ context, event }: Args) =>
    event.type === 'OpportunityAmountChanged' && event.data.amount.amountMinor !== context.amount.amountMinor,
  closeDateDiffers: ({ context, event }: Args) =>
    event.type === 'ExpectedCloseDateChanged' && event.data.expectedCloseDate !== context.expectedCloseDate,
  categoryDiffers: ({ context, event }: Args) =>
    event.type === 'ForecastCategorySet' && event.data.category !== (context.forecastCategory ?? 'pipeline'),
  validationSupportsApproval: ({ context }: Args) =>
    context.validation !== null && context.validation.isReal && context.validation.worthWinning,
  preBidGuidanceRecorded: ({ context }: Args) => context.guidance.length > 0,
  quotePrepared: ({ context }: Args) => context.quote.current !== null,
  bidNotBelowApprovedQuote: ({ context, event }: Args) =>
    event.type === 'BidSubmitted' &&
    context.quote.approved !== null &&
    event.data.amount.amountMinor >= context.quote.approved.amount.amountMinor,
  quoteReviewRequired: ({ context }: Args) => context.quote.reviewRequired,
  quoteApproved: ({ context }: Args) => context.quote.approved !== null && !context.quote.reviewRequired,
  signedAmountWithinReviewedQuote: ({ context, event }: Args) =>
    event.type === 'OpportunityWon' &&
    context.quote.approved !== null &&
    !needsQuoteReview(
      context.quote.approved.amount,
      event.data.signedAmount,
      event.data.requoteReviewBelowPercent,
    ),
};

export const opportunityRefusalTexts: Readonly<Record<keyof typeof opportunityGuards, string>> = {
  ...gateRefusalTexts,
  currencyMatches: 'every amount on an opportunity must be in the currency it was opened in',
  amountDiffers: 'the amount is already that',
  closeDateDiffers: 'the expected close date is already that',
  categoryDiffers: 'the forecast category is already that',
  validationSupportsApproval:
    'the four-question validation must say the opportunity is real and worth winning before approval is asked',
  preBidGuidanceRecorded: 'record the pre-bid guidance before asking for solution consensus',
  quotePrepared: 'prepare a quote before asking for quote review',
  bidNotBelowApprovedQuote: 'a bid may not go out below the price the quote review approved',
  quoteReviewRequired: 'no revised quote is waiting for review',
  quoteApproved:
    'the current quote fell below the review threshold: it needs quote review before the deal is won',
  signedAmountWithinReviewedQuote:
    'the signed amount is further below the reviewed quote than policy allows: revise the quote and review it first',
};
