import { addMoney, type Money } from '@ltc/domain';
import {
  InvalidCommandError,
  optionalText,
  requireBoolean,
  requireCalendarDate,
  requireInstant,
  requireInteger,
  requireMoney,
  requireOneOf,
  requireText,
  stateValueToString,
  type DecisionContext,
  LIMITS,
  requireId,
} from '@ltc/workflow-kit';
import type { StateValue } from 'xstate';
import type {
  AbandonOpportunity,
  ChangeAmount,
  ChangeExpectedCloseDate,
  SetForecastCategory,
  LoseOpportunity,
  OpenOpportunity,
  PrepareQuote,
  RecordNegotiationRound,
  ReviseQuote,
  SubmitBid,
  ValidateOpportunity,
  WinOpportunity,
} from './opportunity.commands';
import type { OpportunityContext } from './opportunity.context';
import type {
  BidSubmitted,
  ExpectedCloseDateChanged,
  ForecastCategorySet,
  NegotiationRoundRecorded,
  OpportunityAbandoned,
  OpportunityAmountChanged,
  OpportunityLost,
  OpportunityOpened,
  OpportunityValidated,
  OpportunityWon,
  QuotePrepared,
  QuoteRevised,
} from './opportunity.events';
import type { OpportunityPolicy } from './opportunity.policy';
import {
  CUSTOMER_TYPES,
  FORECAST_CATEGORIES,
  NEGOTIATION_SITUATIONS,
  SEGMENTS,
  needsQuoteReview,
} from './opportunity.values';

type State = Readonly<{ value: StateValue; context: OpportunityContext }>;
type Ctx = DecisionContext<OpportunityPolicy>;

export function buildOpen(c: OpenOpportunity): OpportunityOpened {
  const t = c.type;
  const leadId =
    c.data.leadId === undefined || c.data.leadId === null ? null : requireId(t, 'leadId', c.data.leadId);
  return {
    type: 'OpportunityOpened',
    data: {
      customerId: requireId(t, 'customerId', c.data.customerId),
      leadId,
      name: requireText(t, 'name', c.data.name, LIMITS.line),
      amount: requireMoney(t, 'amount', c.data.amount),
      expectedCloseDate: requireCalendarDate(t, 'expectedCloseDate', c.data.expectedCloseDate),
      segment: requireOneOf(t, 'segment', c.data.segment, SEGMENTS),
      customerType: requireOneOf(t, 'customerType', c.data.customerType, CUSTOMER_TYPES),
      owner: requireId(t, 'owner', c.data.owner),
    },
  };
}

export function buildValidation(c: ValidateOpportunity): OpportunityValidated {
  const t = c.type;
  return {
    type: 'OpportunityValidated',
    data: {
      isReal: requireBoolean(t, 'isReal', c.data.isReal),
      solutionFits: requireBoolean(t, 'solutionFits', c.data.solutionFits),
      winProbability: requireInteger(t, 'winProbability', c.data.winProbability, 0, 100),
      worthWinning: requireBoolean(t, 'worthWinning', c.data.worthWinning),
      notes: optionalText(t, 'notes', c.data.notes, LIMITS.prose),
    },
  };
}

export function buildQuote(c: PrepareQuote): QuotePrepared {
  return {
    type: 'QuotePrepared',
    data: {
      quoteReference: requireText(c.type, 'quoteReference', c.data.quoteReference, LIMITS.label),
      amount: requireMoney(c.type, 'amount', c.data.amount),
    },
  };
}

export function buildBid(c: SubmitBid, ctx: Ctx): BidSubmitted {
  const validUntil = requireCalendarDate(c.type, 'validUntil', c.data.validUntil);
  if (validUntil < ctx.at.slice(0, 10))
    throw new InvalidCommandError(c.type, 'validUntil', 'is already past');
  return {
    type: 'BidSubmitted',
    data: {
      quoteReference: requireText(c.type, 'quoteReference', c.data.quoteReference, LIMITS.label),
      amount: requireMoney(c.type, 'amount', c.data.amount),
      validUntil,
    },
  };
}

/** A revision against the reviewed price, with the threshold in force copied in. */
function revision(
  state: State,
  quoteReference: string,
  amount: Money,
  reason: string,
  ctx: Ctx,
): QuoteRevised {
  const { current, approved } = state.context.quote;
  const percent = ctx.policy.requoteReviewBelowPercent;
  return {
    type: 'QuoteRevised',
    data: {
      quoteReference,
      amount,
      previousAmount: current?.amount ?? amount,
      reviewedAmount: approved?.amount ?? amount,
      requoteReviewBelowPercent: percent,
      requiresReview: approved !== null && needsQuoteReview(approved.amount, amount, percent),
      reason,
    },
  };
}

export function buildRevision(c: ReviseQuote, state: State, ctx: Ctx): QuoteRevised {
  const amount = requireMoney(c.type, 'amount', c.data.amount);
  const reference =
    c.data.quoteReference === undefined
      ? (state.context.quote.current?.quoteReference ?? '')
      : requireText(c.type, 'quoteReference', c.data.quoteReference, LIMITS.label);
  return revision(state, reference, amount, requireText(c.type, 'reason', c.data.reason, LIMITS.prose), ctx);
}

/** A round that moves the price also revises the quote, so every price change meets the same rule. */
export function buildNegotiationRound(
  c: RecordNegotiationRound,
  state: State,
  ctx: Ctx,
): [NegotiationRoundRecorded] | [NegotiationRoundRecorded, QuoteRevised] {
  const priceChange = requireMoney(c.type, 'priceChange', c.data.priceChange, 'any');
  const round: NegotiationRoundRecorded = {
    type: 'NegotiationRoundRecorded',
    data: {
      round: state.context.negotiation.rounds + 1,
      situation: requireOneOf(c.type, 'situation', c.data.situation, NEGOTIATION_SITUATIONS),
      priceChange,
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
  const current = state.context.quote.current;
  // A foreign currency is refused by the machine on the round itself; no revision to compute.
  if (priceChange.amountMinor === 0 || current === null || current.amount.currency !== priceChange.currency) {
    return [round];
  }
  const amount = addMoney(current.amount, priceChange);
  if (amount.amountMinor <= 0)
    throw new InvalidCommandError(c.type, 'priceChange', 'would take the quote to zero or below');
  const reason = `negotiation round ${round.data.round} (${round.data.situation})`;
  return [round, revision(state, current.quoteReference, amount, reason, ctx)];
}

export function buildAmountChange(c: ChangeAmount, state: State): OpportunityAmountChanged {
  return {
    type: 'OpportunityAmountChanged',
    data: {
      amount: requireMoney(c.type, 'amount', c.data.amount),
      previousAmount: state.context.amount,
      reason: optionalText(c.type, 'reason', c.data.reason, LIMITS.prose),
    },
  };
}

export function buildCloseDateChange(c: ChangeExpectedCloseDate, state: State): ExpectedCloseDateChanged {
  return {
    type: 'ExpectedCloseDateChanged',
    data: {
      expectedCloseDate: requireCalendarDate(c.type, 'expectedCloseDate', c.data.expectedCloseDate),
      previousDate: state.context.expectedCloseDate,
      reason: optionalText(c.type, 'reason', c.data.reason, LIMITS.prose),
    },
  };
}

export function buildForecastCategory(c: SetForecastCategory, state: State): ForecastCategorySet {
  return {
    type: 'ForecastCategorySet',
    data: {
      category: requireOneOf(c.type, 'category', c.data.category, FORECAST_CATEGORIES),
      previousCategory: state.context.forecastCategory ?? 'pipeline',
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}

export function buildWin(c: WinOpportunity, state: State, ctx: Ctx): OpportunityWon {
  const signedAmount = requireMoney(c.type, 'signedAmount', c.data.signedAmount);
  return {
    type: 'OpportunityWon',
    data: {
      contractId: requireId(c.type, 'contractId', c.data.contractId),
      signedAmount,
      signedAt: requireInstant(c.type, 'signedAt', c.data.signedAt),
      reviewedAmount: state.context.quote.approved?.amount ?? signedAmount,
      requoteReviewBelowPercent: ctx.policy.requoteReviewBelowPercent,
    },
  };
}

export function buildLoss(c: LoseOpportunity, state: State): OpportunityLost {
  return {
    type: 'OpportunityLost',
    data: {
      reason: requireText(c.type, 'reason', c.data.reason, LIMITS.prose),
      competitor: optionalText(c.type, 'competitor', c.data.competitor, LIMITS.label),
      stage: stateValueToString(state.value),
    },
  };
}

export function buildAbandonment(c: AbandonOpportunity, state: State): OpportunityAbandoned {
  return {
    type: 'OpportunityAbandoned',
    data: {
      reason: requireText(c.type, 'reason', c.data.reason, LIMITS.prose),
      stage: stateValueToString(state.value),
    },
  };
}
