import { deciderSpec } from '@ltc/workflow-kit';
import { at, ctx, eur, laterPath, opened, path, usd, won } from '../test/opportunity.fixtures';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);
const win = (signedAmount = eur(900_000)) =>
  ({ type: 'WinOpportunity', data: { contractId: 'k-1', signedAmount, signedAt: at } }) as const;

describe('WinOpportunity', () => {
  it('wins in negotiation at the reviewed price, copying the price and threshold it was judged by', () => {
    const { state } = given(laterPath.negotiation).when(win()).then([won()]);
    expect(opportunity.stateName(state)).toBe('won');
    expect(state.status).toBe('done');
    expect(state.context.outcome).toEqual({
      kind: 'won',
      contractId: 'k-1',
      signedAmount: eur(900_000),
      signedAt: at,
    });
  });

  it('wins straight from a submitted bid', () => {
    given(laterPath.bidSubmitted).when(win()).then([won()]);
  });

  it('wins within the threshold below the reviewed quote', () => {
    given(laterPath.negotiation)
      .when(win(eur(855_000)))
      .then([won(eur(855_000))]);
  });

  it('refuses a win while a revised quote waits for review', () => {
    given(laterPath.negotiationAwaitingReview)
      .when(win(eur(800_000)))
      .thenRefuses('quoteApproved');
  });

  it('refuses a signed amount further below the reviewed quote than policy allows', () => {
    given(laterPath.negotiation)
      .when(win(eur(854_999)))
      .thenRefuses('signedAmountWithinReviewedQuote');
  });

  it('judges the signed amount by the threshold in force when it is decided', () => {
    given(laterPath.negotiation)
      .when(win(eur(800_000)), { policy: { ...ctx.policy, requoteReviewBelowPercent: 20 } })
      .then([
        {
          type: 'OpportunityWon',
          data: {
            contractId: 'k-1',
            signedAmount: eur(800_000),
            signedAt: at,
            reviewedAmount: eur(900_000),
            requoteReviewBelowPercent: 20,
          },
        },
      ]);
  });

  it('refuses another currency', () => {
    given(laterPath.negotiation)
      .when(win(usd(900_000)))
      .thenRefuses('currencyMatches');
  });

  it('refuses a win without a reviewed quote and bid', () => {
    given(laterPath.bidReady).when(win()).thenRefuses('transitionNotAllowed');
    given(path.validated).when(win()).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['contractId', { contractId: '' }],
    ['signedAt', { signedAt: '2026-03-01' }],
    ['signedAmount', { signedAmount: eur(-1) }],
  ])('rejects a bad %s', (field, change) => {
    given(laterPath.negotiation)
      .when({ type: 'WinOpportunity', data: { ...win().data, ...change } })
      .thenInvalid(field);
  });
});

describe('LoseOpportunity', () => {
  const lose = { type: 'LoseOpportunity', data: { reason: 'price', competitor: 'Rival' } } as const;

  it('records the reason, the competitor and the stage it was lost in', () => {
    const { state } = given(laterPath.negotiation)
      .when(lose)
      .then([laterPath.lost.at(-1)!]);
    expect(opportunity.stateName(state)).toBe('lost');
  });

  it('loses a submitted bid without a named competitor', () => {
    given(laterPath.bidSubmitted)
      .when({ type: 'LoseOpportunity', data: { reason: 'project cancelled' } })
      .then([
        {
          type: 'OpportunityLost',
          data: { reason: 'project cancelled', competitor: '', stage: 'open.bidSubmitted' },
        },
      ]);
  });

  it('refuses a loss before a bid went out: that is an abandonment', () => {
    given(path.preBidGuidance).when(lose).thenRefuses('transitionNotAllowed');
  });

  it('rejects a loss without a reason', () => {
    given(laterPath.negotiation)
      .when({ type: 'LoseOpportunity', data: { reason: '' } })
      .thenInvalid('reason');
  });
});

describe('AbandonOpportunity', () => {
  const abandon = { type: 'AbandonOpportunity', data: { reason: 'budget cut' } } as const;

  it('abandons from the first open stage', () => {
    given([opened])
      .when(abandon)
      .then([laterPath.abandoned.at(-1)!]);
  });

  it('abandons during a gate round and closes the round', () => {
    const { state } = given(path.opportunityApproval)
      .when(abandon)
      .then([
        { type: 'OpportunityAbandoned', data: { reason: 'budget cut', stage: 'open.opportunityApproval' } },
      ]);
    expect(opportunity.stateName(state)).toBe('abandoned');
    expect(state.context.gates.open).toBeNull();
  });

  it('abandons in negotiation', () => {
    given(laterPath.negotiation)
      .when(abandon)
      .then([{ type: 'OpportunityAbandoned', data: { reason: 'budget cut', stage: 'open.negotiation' } }]);
  });

  it('refuses once the deal has ended: reopening a lost deal would rewrite the win rate; open a new one', () => {
    given(laterPath.won).when(abandon).thenRefuses('transitionNotAllowed');
    given(laterPath.abandoned).when(abandon).thenRefuses('transitionNotAllowed');
  });

  it('rejects an abandonment without a reason', () => {
    given([opened])
      .when({ type: 'AbandonOpportunity', data: { reason: ' ' } })
      .thenInvalid('reason');
  });
});
