import type { Money } from '@ltc/domain';

export const SEGMENTS = ['strategic', 'ordinary'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The rep's or manager's call on an open deal: how the forecast by category weighs it. */
export const FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const CUSTOMER_TYPES = ['new', 'existing'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The six outcomes of a negotiation round (DOMAIN.md). */
export const NEGOTIATION_SITUATIONS = [
  'win-lose',
  'win-win',
  'lose-win',
  'lose-lose',
  'break',
  'delay',
] as const;
export type NegotiationSituation = (typeof NEGOTIATION_SITUATIONS)[number];

/** The unified four questions that validate an opportunity. */
export type OpportunityValidation = Readonly<{
  isReal: boolean;
  solutionFits: boolean;
  /** 0–100. */
  winProbability: number;
  worthWinning: boolean;
  notes: string;
}>;

export type Quote = Readonly<{ quoteReference: string; amount: Money }>;

/**
 * True when `amount` is more than `belowPercent` below the `reviewed` price: such a price has not
 * been reviewed in substance and goes back to quote review.
 */
export function needsQuoteReview(reviewed: Money, amount: Money, belowPercent: number): boolean {
  return amount.amountMinor * 100 < reviewed.amountMinor * (100 - belowPercent);
}
