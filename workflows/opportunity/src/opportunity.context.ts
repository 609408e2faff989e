import type { Money } from '@ltc/domain';
import { initialGatesContext, type GateHostContext } from '@ltc/workflow-gates';
import type {
  CustomerType,
  NegotiationSituation,
  OpportunityValidation,
  Quote,
  ForecastCategory,
  Segment,
} from './opportunity.values';

export type OpportunityOutcome =
  | Readonly<{ kind: 'won'; contractId: string; signedAmount: Money; signedAt: string }>
  | Readonly<{ kind: 'lost'; reason: string; competitor: string; stage: string }>
  | Readonly<{ kind: 'abandoned'; reason: string; stage: string }>;

export type OpportunityContext = GateHostContext &
  Readonly<{
    customerId: string;
    leadId: string | null;
    name: string;
    /** The pipeline value; its currency is the deal's currency. */
    amount: Money;
    expectedCloseDate: string;
    /** Absent in snapshots taken before categories existed: read it as `pipeline`. */
    forecastCategory: ForecastCategory;
    segment: Segment;
    customerType: CustomerType;
    owner: string;
    validation: OpportunityValidation | null;
    guidance: readonly string[];
    quote: Readonly<{
      /** The price on the table now. */
      current: Quote | null;
      /** The last price the quote review gate approved. */
      approved: Quote | null;
      /** A revision fell below the review threshold and has not been reviewed yet. */
      reviewRequired: boolean;
    }>;
    bid: Readonly<{ quoteReference: string; amount: Money; validUntil: string }> | null;
    negotiation: Readonly<{ rounds: number; lastSituation: NegotiationSituation | null }>;
    outcome: OpportunityOutcome | null;
  }>;

/** Before `OpportunityOpened`: `XXX` is ISO-4217's "no currency". */
export const initialOpportunityContext: OpportunityContext = {
  triangle: null,
  gates: initialGatesContext,
  customerId: '',
  leadId: null,
  name: '',
  amount: { amountMinor: 0, currency: 'XXX' },
  expectedCloseDate: '',
  forecastCategory: 'pipeline',
  segment: 'ordinary',
  customerType: 'new',
  owner: '',
  validation: null,
  guidance: [],
  quote: { current: null, approved: null, reviewRequired: false },
  bid: null,
  negotiation: { rounds: 0, lastSituation: null },
  outcome: null,
};
