import { deciderSpec, LIMITS } from '@ltc/workflow-kit';
import { ctx, eur, laterPath } from '../test/opportunity.fixtures';
import type { OpportunityCommand } from './opportunity.commands';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);
const over = (max: number) => 'x'.repeat(max + 1);

// The domain refuses what the HTTP DTOs refuse (a text over its limit, a malformed id), so the CLI and the process managers cannot store it.
describe('opportunity text limits and ids', () => {
  it.each<[string, OpportunityCommand]>([
    [
      'name',
      {
        type: 'OpenOpportunity',
        data: {
          customerId: 'c-1',
          name: over(LIMITS.line),
          amount: eur(1_000_000),
          expectedCloseDate: '2026-06-30',
          segment: 'strategic',
          customerType: 'new',
          owner: 'ann',
        },
      },
    ],
    [
      'notes',
      {
        type: 'ValidateOpportunity',
        data: {
          isReal: true,
          solutionFits: true,
          winProbability: 60,
          worthWinning: true,
          notes: over(LIMITS.prose),
        },
      },
    ],
    ['note', { type: 'RecordPreBidGuidance', data: { note: over(LIMITS.prose) } }],
    [
      'quoteReference',
      { type: 'PrepareQuote', data: { quoteReference: over(LIMITS.label), amount: eur(9) } },
    ],
    [
      'quoteReference',
      {
        type: 'SubmitBid',
        data: { quoteReference: over(LIMITS.label), amount: eur(9), validUntil: '2026-04-30' },
      },
    ],
    [
      'quoteReference',
      { type: 'ReviseQuote', data: { quoteReference: over(LIMITS.label), amount: eur(9), reason: 'r' } },
    ],
    ['reason', { type: 'ReviseQuote', data: { amount: eur(9), reason: over(LIMITS.prose) } }],
    [
      'note',
      {
        type: 'RecordNegotiationRound',
        data: { situation: 'win-win', priceChange: eur(0), note: over(LIMITS.prose) },
      },
    ],
    ['reason', { type: 'ChangeAmount', data: { amount: eur(9), reason: over(LIMITS.prose) } }],
    [
      'reason',
      {
        type: 'ChangeExpectedCloseDate',
        data: { expectedCloseDate: '2026-09-30', reason: over(LIMITS.prose) },
      },
    ],
    ['reason', { type: 'LoseOpportunity', data: { reason: over(LIMITS.prose) } }],
    ['competitor', { type: 'LoseOpportunity', data: { reason: 'price', competitor: over(LIMITS.label) } }],
    ['reason', { type: 'AbandonOpportunity', data: { reason: over(LIMITS.prose) } }],
    [
      'contractId',
      { type: 'WinOpportunity', data: { contractId: 'k/1', signedAmount: eur(9), signedAt: ctx.at } },
    ],
    ['to', { type: 'ReassignIronTriangleRole', data: { role: 'SR', to: 'sue smith', reason: 'r' } }],
    [
      'reason',
      { type: 'ReassignIronTriangleRole', data: { role: 'SR', to: 'sue', reason: over(LIMITS.prose) } },
    ],
    [
      'reason',
      {
        type: 'CastGateVote',
        data: { gate: 'quoteReview', role: 'AR', decision: 'reject', reason: over(LIMITS.prose) },
      },
    ],
  ])('refuses %s over its limit (case %#)', (field, command) => {
    given(laterPath.negotiation).when(command).thenInvalid(field);
  });

  it('takes a reason of exactly the limit, as HTTP does', () => {
    const reason = 'x'.repeat(LIMITS.prose);
    const { events } = opportunity.decide(
      { type: 'LoseOpportunity', data: { reason } },
      opportunity.fold(laterPath.negotiation),
      ctx,
    );
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason }) })]);
  });
});
