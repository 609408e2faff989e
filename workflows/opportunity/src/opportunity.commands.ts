import type { Command, Money } from '@ltc/domain';
import type {
  AssignIronTriangle,
  CastGateVote,
  ReassignIronTriangleRole,
  RequestGateReview,
} from '@ltc/workflow-gates';
import type {
  CustomerType,
  NegotiationSituation,
  OpportunityValidation,
  ForecastCategory,
  Segment,
} from './opportunity.values';

export type OpenOpportunity = Command<
  'OpenOpportunity',
  {
    customerId: string;
    leadId?: string | null;
    name: string;
    amount: Money;
    expectedCloseDate: string;
    segment: Segment;
    customerType: CustomerType;
    owner: string;
  }
>;
export type ValidateOpportunity = Command<'ValidateOpportunity', OpportunityValidation>;
export type RecordPreBidGuidance = Command<'RecordPreBidGuidance', { note: string }>;
export type PrepareQuote = Command<'PrepareQuote', { quoteReference: string; amount: Money }>;
export type SubmitBid = Command<'SubmitBid', { quoteReference: string; amount: Money; validUntil: string }>;
/** A price change other than zero also revises the quote. */
export type RecordNegotiationRound = Command<
  'RecordNegotiationRound',
  { situation: NegotiationSituation; priceChange: Money; note?: string }
>;
export type ReviseQuote = Command<'ReviseQuote', { quoteReference?: string; amount: Money; reason: string }>;
export type ChangeAmount = Command<'ChangeAmount', { amount: Money; reason?: string }>;
export type ChangeExpectedCloseDate = Command<
  'ChangeExpectedCloseDate',
  { expectedCloseDate: string; reason?: string }
>;
export type SetForecastCategory = Command<
  'SetForecastCategory',
  { category: ForecastCategory; note?: string }
>;
export type WinOpportunity = Command<
  'WinOpportunity',
  { contractId: string; signedAmount: Money; signedAt: string }
>;
export type LoseOpportunity = Command<'LoseOpportunity', { reason: string; competitor?: string }>;
export type AbandonOpportunity = Command<'AbandonOpportunity', { reason: string }>;

export type OpportunityCommand =
  | OpenOpportunity
  | AssignIronTriangle
  | ReassignIronTriangleRole
  | ValidateOpportunity
  | RecordPreBidGuidance
  | RequestGateReview
  | CastGateVote
  | PrepareQuote
  | SubmitBid
  | RecordNegotiationRound
  | ReviseQuote
  | ChangeAmount
  | ChangeExpectedCloseDate
  | SetForecastCategory
  | WinOpportunity
  | LoseOpportunity
  | AbandonOpportunity;
