import { assign } from 'xstate';
import { gateActions } from '@ltc/workflow-gates';
import type { OpportunityContext } from './opportunity.context';
import type { OpportunityEvent } from './opportunity.events';

type Args = Readonly<{ context: OpportunityContext; event: OpportunityEvent }>;
type Patch = Partial<OpportunityContext>;
type Type = OpportunityEvent['type'];
type DataOf<T extends Type> = Extract<OpportunityEvent, { type: T }>['data'];

const update = (patch: (args: Args) => Patch) =>
  assign<OpportunityContext, OpportunityEvent, undefined, OpportunityEvent, never>(patch);

// Each action reads only its own event type; any other event leaves the context as it is.
const on =
  <T extends Type>(type: T, patch: (data: DataOf<T>, context: OpportunityContext) => Patch) =>
  ({ context, event }: Args): Patch =>
    event.type === type ? patch(event.data as DataOf<T>, context) : {};

export const opportunityActions = {
  ...gateActions<OpportunityContext, OpportunityEvent>(),
  open: update(
    on('OpportunityOpened', (d) => ({
      customerId: d.customerId,
      leadId: d.leadId,
      name: d.name,
      amount: d.amount,
      expectedCloseDate: d.expectedCloseDate,
      segment: d.segment,
      customerType: d.customerType,
      owner: d.owner,
    })),
  ),
  validate: update(on('OpportunityValidated', (d) => ({ validation: d }))),
  recordGuidance: update(on('PreBidGuidanceRecorded', (d, c) => ({ guidance: [...c.guidance, d.note] }))),
  prepareQuote: update(
    on('QuotePrepared', (d, c) => ({
      quote: { ...c.quote, current: { quoteReference: d.quoteReference, amount: d.amount } },
    })),
  ),
  /** The quote review passed: the price on the table is now the reviewed price. */
  approveQuote: update(({ context }: Args) => ({
    quote: { current: context.quote.current, approved: context.quote.current, reviewRequired: false },
  })),
  submitBid: update(
    on('BidSubmitted', (d, c) => ({
      bid: { quoteReference: d.quoteReference, amount: d.amount, validUntil: d.validUntil },
      quote: { ...c.quote, current: { quoteReference: d.quoteReference, amount: d.amount } },
    })),
  ),
  recordNegotiationRound: update(
    on('NegotiationRoundRecorded', (d) => ({ negotiation: { rounds: d.round, lastSituation: d.situation } })),
  ),
  reviseQuote: update(
    on('QuoteRevised', (d, c) => ({
      quote: {
        ...c.quote,
        current: { quoteReference: d.quoteReference, amount: d.amount },
        reviewRequired: d.requiresReview,
      },
    })),
  ),
  changeAmount: update(on('OpportunityAmountChanged', (d) => ({ amount: d.amount }))),
  changeExpectedCloseDate: update(
    on('ExpectedCloseDateChanged', (d) => ({ expectedCloseDate: d.expectedCloseDate })),
  ),
  setForecastCategory: update(on('ForecastCategorySet', (d) => ({ forecastCategory: d.category }))),
  win: update(
    on('OpportunityWon', (d) => ({
      outcome: { kind: 'won', contractId: d.contractId, signedAmount: d.signedAmount, signedAt: d.signedAt },
    })),
  ),
  lose: update(
    on('OpportunityLost', (d) => ({
      outcome: { kind: 'lost', reason: d.reason, competitor: d.competitor, stage: d.stage },
    })),
  ),
  abandon: update(
    on('OpportunityAbandoned', (d) => ({ outcome: { kind: 'abandoned', reason: d.reason, stage: d.stage } })),
  ),
};
