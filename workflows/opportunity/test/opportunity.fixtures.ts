import { money, type IronTriangleRole, type Money } from '@ltc/domain';
import { defaultGatePolicy, type GateName } from '@ltc/workflow-gates';
import type { NegotiationSituation, OpportunityEvent } from '../src';
import { defaultOpportunityPolicy } from '../src';

export const at = '2026-03-01T09:00:00.000Z';
export const ctx = { at, actor: 'ann', policy: defaultOpportunityPolicy };
export const eur = (amountMinor: number): Money => money(amountMinor, 'EUR');
export const usd = (amountMinor: number): Money => money(amountMinor, 'USD');
export const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };
const roles: readonly IronTriangleRole[] = ['AR', 'SR', 'FR'];

type E = OpportunityEvent;

export const opened: E = {
  type: 'OpportunityOpened',
  data: {
    customerId: 'c-1',
    leadId: 'l-1',
    name: 'Plant automation',
    amount: eur(1_000_000),
    expectedCloseDate: '2026-06-30',
    segment: 'strategic',
    customerType: 'new',
    owner: 'ann',
  },
};
export const assigned: E = { type: 'IronTriangleAssigned', data: { triangle } };
export const validated = (isReal = true, worthWinning = true): E => ({
  type: 'OpportunityValidated',
  data: { isReal, solutionFits: true, winProbability: 60, worthWinning, notes: '' },
});
export const requested = (gate: GateName, round = 1): E => ({
  type: 'GateReviewRequested',
  data: { gate, round, policy: defaultGatePolicy },
});
export const vote = (
  gate: GateName,
  role: IronTriangleRole,
  decision: 'approve' | 'reject' = 'approve',
  round = 1,
): E => ({
  type: 'GateVoteCast',
  data: {
    gate,
    round,
    role,
    voter: triangle[role],
    decision,
    reason: decision === 'reject' ? 'not yet' : '',
  },
});
export const passed = (gate: GateName, round = 1): E => ({
  type: 'GatePassed',
  data: { gate, round, approvals: roles.map((role) => ({ role, voter: triangle[role] })) },
});
export const rejected = (gate: GateName, round = 1): E => ({
  type: 'GateRejected',
  data: { gate, round, reasons: [{ role: 'AR', voter: 'ann', reason: 'not yet' }] },
});
/** A whole round that passes: request, three approvals, pass. */
export const gatePassed = (gate: GateName, round = 1): E[] => [
  requested(gate, round),
  ...roles.map((role) => vote(gate, role, 'approve', round)),
  passed(gate, round),
];
export const guidance: E = {
  type: 'PreBidGuidanceRecorded',
  data: { note: 'steered the spec to our PLC line' },
};
export const quotePrepared = (amount = eur(900_000)): E => ({
  type: 'QuotePrepared',
  data: { quoteReference: 'Q-1', amount },
});
export const bidSubmitted = (amount = eur(900_000)): E => ({
  type: 'BidSubmitted',
  data: { quoteReference: 'Q-1', amount, validUntil: '2026-04-30' },
});
export const negotiationRound = (
  round = 1,
  priceChange = eur(0),
  situation: NegotiationSituation = 'win-win',
): E => ({
  type: 'NegotiationRoundRecorded',
  data: { round, situation, priceChange, note: '' },
});
export const revised = (
  amount: Money,
  requiresReview: boolean,
  previousAmount = eur(900_000),
  reason = 'customer pushback',
): E => ({
  type: 'QuoteRevised',
  data: {
    quoteReference: 'Q-1',
    amount,
    previousAmount,
    reviewedAmount: eur(900_000),
    requoteReviewBelowPercent: 5,
    requiresReview,
    reason,
  },
});
export const won = (signedAmount = eur(900_000)): E => ({
  type: 'OpportunityWon',
  data: {
    contractId: 'k-1',
    signedAmount,
    signedAt: at,
    reviewedAmount: eur(900_000),
    requoteReviewBelowPercent: 5,
  },
});

/** The events that bring a new opportunity to each state, in process order. */
export const path = {
  none: [] as E[],
  opened: [opened],
  validated: [opened, assigned, validated()],
  opportunityApproval: [opened, assigned, validated(), requested('opportunityApproval')],
  preBidGuidance: [opened, assigned, validated(), ...gatePassed('opportunityApproval')],
  solutionConsensus: [
    opened,
    assigned,
    validated(),
    ...gatePassed('opportunityApproval'),
    guidance,
    requested('solutionConsensus'),
  ],
  bidPreparation: [
    opened,
    assigned,
    validated(),
    ...gatePassed('opportunityApproval'),
    guidance,
    ...gatePassed('solutionConsensus'),
  ],
} satisfies Record<string, E[]>;

const prepared = [...path.bidPreparation, quotePrepared()];
const ready = [...prepared, ...gatePassed('quoteReview')];
const submitted = [...ready, bidSubmitted()];
const negotiating = [...submitted, negotiationRound()];
const requoted = [...negotiating, revised(eur(800_000), true), requested('quoteReview', 2)];

export const laterPath = {
  bidPreparationWithQuote: prepared,
  quoteReview: [...prepared, requested('quoteReview')],
  bidReady: ready,
  bidSubmitted: submitted,
  negotiation: negotiating,
  negotiationAwaitingReview: [...negotiating, revised(eur(800_000), true)],
  requoteReview: requoted,
  won: [...negotiating, won()],
  lost: [
    ...negotiating,
    { type: 'OpportunityLost', data: { reason: 'price', competitor: 'Rival', stage: 'open.negotiation' } },
  ],
  abandoned: [opened, { type: 'OpportunityAbandoned', data: { reason: 'budget cut', stage: 'open.opened' } }],
} satisfies Record<string, E[]>;
