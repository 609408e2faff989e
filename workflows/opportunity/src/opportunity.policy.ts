import { defaultGatePolicies, type GatePolicies } from '@ltc/workflow-gates';

/** Configuration an opportunity decision reads; decisions copy what they used into their events. */
export type OpportunityPolicy = Readonly<{
  gates: GatePolicies;
  /**
   * A quote revised (or a deal signed) more than this percentage below the price the quote review
   * approved needs quote review again.
   */
  requoteReviewBelowPercent: number;
}>;

export const defaultOpportunityPolicy: OpportunityPolicy = {
  gates: defaultGatePolicies,
  requoteReviewBelowPercent: 5,
};
