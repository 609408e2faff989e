import type { Event, Money } from '@ltc/domain';
import type { GateEvent, TriangleEvent } from '@ltc/workflow-gates';
import type {
  CustomerType,
  NegotiationSituation,
  OpportunityValidation,
  ForecastCategory,
  Segment,
} from './opportunity.values';

export type OpportunityOpened = Event<
  'OpportunityOpened',
  {
    customerId: string;
    leadId: string | null;
    name: string;
    amount: Money;
    expectedCloseDate: string;
    segment: Segment;
    customerType: CustomerType;
    owner: string;
  }
>;
export type OpportunityValidated = Event<'OpportunityValidated', OpportunityValidation>;
export type PreBidGuidanceRecorded = Event<'PreBidGuidanceRecorded', { note: string }>;
/** The price that goes to quote review; the review approves exactly this quote. */
export type QuotePrepared = Event<'QuotePrepared', { quoteReference: string; amount: Money }>;
export type BidSubmitted = Event<
  'BidSubmitted',
  { quoteReference: string; amount: Money; validUntil: string }
>;
export type NegotiationRoundRecorded = Event<
  'NegotiationRoundRecorded',
  { round: number; situation: NegotiationSituation; priceChange: Money; note: string }
>;
/**
 * A new price during negotiation. `reviewedAmount` and the threshold in force are copied in, so the
 * event alone explains why it did or did not send the quote back to review.
 */
export type QuoteRevised = Event<
  'QuoteRevised',
  {
    quoteReference: string;
    amount: Money;
    previousAmount: Money;
    reviewedAmount: Money;
    requoteReviewBelowPercent: number;
    requiresReview: boolean;
    reason: string;
  }
>;
export type OpportunityAmountChanged = Event<
  'OpportunityAmountChanged',
  { amount: Money; previousAmount: Money; reason: string }
>;
export type ExpectedCloseDateChanged = Event<
  'ExpectedCloseDateChanged',
  { expectedCloseDate: string; previousDate: string; reason: string }
>;
/** The AR's or a manager's forecast call on the deal. */
export type ForecastCategorySet = Event<
  'ForecastCategorySet',
  { category: ForecastCategory; previousCategory: ForecastCategory; note: string }
>;
export type OpportunityWon = Event<
  'OpportunityWon',
  {
    contractId: string;
    signedAmount: Money;
    signedAt: string;
    reviewedAmount: Money;
    requoteReviewBelowPercent: number;
  }
>;
/** `stage` is where the deal was when it ended: the funnel reads where deals are lost. */
export type OpportunityLost = Event<'OpportunityLost', { reason: string; competitor: string; stage: string }>;
export type OpportunityAbandoned = Event<'OpportunityAbandoned', { reason: string; stage: string }>;

export type OpportunityEvent =
  | OpportunityOpened
  | TriangleEvent
  | OpportunityValidated
  | PreBidGuidanceRecorded
  | GateEvent
  | QuotePrepared
  | BidSubmitted
  | NegotiationRoundRecorded
  | QuoteRevised
  | OpportunityAmountChanged
  | ExpectedCloseDateChanged
  | ForecastCategorySet
  | OpportunityWon
  | OpportunityLost
  | OpportunityAbandoned;
