import { deciderSpec } from '@ltc/workflow-kit';
import { defaultGatePolicy, type GateName } from '@ltc/workflow-gates';
import {
  assigned,
  ctx,
  eur,
  gatePassed,
  laterPath,
  opened,
  path,
  guidance,
  requested,
  validated,
  vote,
} from '../test/opportunity.fixtures';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);
const request = (gate: GateName) => ({ type: 'RequestGateReview', data: { gate } }) as const;
const approve = (gate: GateName, role: 'AR' | 'SR' | 'FR') =>
  ({ type: 'CastGateVote', data: { gate, role, decision: 'approve' } }) as const;
const reject = (gate: GateName) =>
  ({
    type: 'CastGateVote',
    data: { gate, role: 'FR', decision: 'reject', reason: 'no delivery capacity' },
  }) as const;
const rejection = (gate: GateName, round = 1) =>
  [
    {
      type: 'GateVoteCast',
      data: { gate, round, role: 'FR', voter: 'fay', decision: 'reject', reason: 'no delivery capacity' },
    },
    {
      type: 'GateRejected',
      data: { gate, round, reasons: [{ role: 'FR', voter: 'fay', reason: 'no delivery capacity' }] },
    },
  ] as const;
/** The round opened and two of three approvals in. */
const twoApprovals = (gate: GateName, round = 1) => [
  vote(gate, 'AR', 'approve', round),
  vote(gate, 'SR', 'approve', round),
];

describe('opportunity approval gate', () => {
  it('opens from a validated deal with the policy in force', () => {
    const { state } = given(path.validated)
      .when(request('opportunityApproval'))
      .then([requested('opportunityApproval')]);
    expect(opportunity.stateName(state)).toBe('open.opportunityApproval');
  });

  it('refuses without an iron triangle', () => {
    given([opened, validated()]).when(request('opportunityApproval')).thenRefuses('triangleAssigned');
  });

  it('refuses when the validation says the deal is not real or not worth winning', () => {
    given([opened, assigned, validated(false)])
      .when(request('opportunityApproval'))
      .thenRefuses('validationSupportsApproval');
    given([opened, assigned, validated(true, false)])
      .when(request('opportunityApproval'))
      .thenRefuses('validationSupportsApproval');
  });

  it('refuses before validation and for another gate', () => {
    given([opened, assigned]).when(request('opportunityApproval')).thenRefuses('transitionNotAllowed');
    given(path.validated).when(request('quoteReview')).thenRefuses('gateBelongsToStage');
  });

  it('passes on the third approval and moves to pre-bid guidance', () => {
    const { state, events } = given([...path.opportunityApproval, ...twoApprovals('opportunityApproval')])
      .when(approve('opportunityApproval', 'FR'), { actor: 'fay' })
      .then(gatePassed('opportunityApproval').slice(3));
    expect(events.map((e) => e.type)).toEqual(['GateVoteCast', 'GatePassed']);
    expect(opportunity.stateName(state)).toBe('open.preBidGuidance');
  });

  it('goes back to validated on a rejection, and the next request is round 2', () => {
    const { state } = given(path.opportunityApproval)
      .when(reject('opportunityApproval'), { actor: 'fay' })
      .then([...rejection('opportunityApproval')]);
    expect(opportunity.stateName(state)).toBe('open.validated');
    given([...path.opportunityApproval, ...rejection('opportunityApproval')])
      .when(request('opportunityApproval'))
      .then([
        {
          type: 'GateReviewRequested',
          data: { gate: 'opportunityApproval', round: 2, policy: defaultGatePolicy },
        },
      ]);
  });

  it('takes votes only from the holder of the role on this deal', () => {
    given(path.opportunityApproval)
      .when(approve('opportunityApproval', 'SR'), { actor: 'ann' })
      .thenRefuses('voterHoldsRole');
  });
});

describe('solution consensus gate', () => {
  it('needs pre-bid guidance recorded first', () => {
    given(path.preBidGuidance).when(request('solutionConsensus')).thenRefuses('preBidGuidanceRecorded');
  });

  it('opens after guidance and passes into bid preparation', () => {
    given([...path.preBidGuidance, guidance])
      .when(request('solutionConsensus'))
      .then([requested('solutionConsensus')]);
    const { state } = given([
      ...path.solutionConsensus,
      vote('solutionConsensus', 'AR'),
      vote('solutionConsensus', 'SR'),
    ])
      .when(approve('solutionConsensus', 'FR'), { actor: 'fay' })
      .then(gatePassed('solutionConsensus').slice(3));
    expect(opportunity.stateName(state)).toBe('open.bidPreparation');
  });

  it('returns to pre-bid guidance on a rejection', () => {
    const { state } = given(path.solutionConsensus)
      .when(reject('solutionConsensus'), { actor: 'fay' })
      .then([...rejection('solutionConsensus')]);
    expect(opportunity.stateName(state)).toBe('open.preBidGuidance');
  });
});

describe('quote review gate', () => {
  it('needs a prepared quote', () => {
    given(path.bidPreparation).when(request('quoteReview')).thenRefuses('quotePrepared');
  });

  it('opens on a prepared quote', () => {
    given(laterPath.bidPreparationWithQuote)
      .when(request('quoteReview'))
      .then([requested('quoteReview')]);
  });

  it('approves exactly the prepared price when it passes', () => {
    const { state } = given([...laterPath.quoteReview, ...twoApprovals('quoteReview')])
      .when(approve('quoteReview', 'FR'), { actor: 'fay' })
      .then(gatePassed('quoteReview').slice(3));
    expect(opportunity.stateName(state)).toBe('open.bidReady');
    expect(state.context.quote.approved).toEqual({ quoteReference: 'Q-1', amount: eur(900_000) });
  });

  it('returns to bid preparation on a rejection, without approving anything', () => {
    const { state } = given(laterPath.quoteReview)
      .when(reject('quoteReview'), { actor: 'fay' })
      .then([...rejection('quoteReview')]);
    expect(opportunity.stateName(state)).toBe('open.bidPreparation');
    expect(state.context.quote.approved).toBeNull();
  });
});

describe('quote review again in negotiation', () => {
  it('is refused while no revision needs it', () => {
    given(laterPath.negotiation).when(request('quoteReview')).thenRefuses('quoteReviewRequired');
  });

  it('opens round 2 for a quote revised below the threshold', () => {
    const { state } = given(laterPath.negotiationAwaitingReview)
      .when(request('quoteReview'))
      .then([requested('quoteReview', 2)]);
    expect(opportunity.stateName(state)).toBe('open.requoteReview');
  });

  it('approves the revised price and returns to negotiation', () => {
    const { state } = given([...laterPath.requoteReview, ...twoApprovals('quoteReview', 2)])
      .when(approve('quoteReview', 'FR'), { actor: 'fay' })
      .then(gatePassed('quoteReview', 2).slice(3));
    expect(opportunity.stateName(state)).toBe('open.negotiation');
    expect(state.context.quote).toEqual({
      current: { quoteReference: 'Q-1', amount: eur(800_000) },
      approved: { quoteReference: 'Q-1', amount: eur(800_000) },
      reviewRequired: false,
    });
  });

  it('returns to negotiation still needing review when rejected', () => {
    const { state } = given(laterPath.requoteReview)
      .when(reject('quoteReview'), { actor: 'fay' })
      .then([...rejection('quoteReview', 2)]);
    expect(opportunity.stateName(state)).toBe('open.negotiation');
    expect(state.context.quote.reviewRequired).toBe(true);
    expect(state.context.quote.approved?.amount).toEqual(eur(900_000));
  });

  it('keeps a rejected round visible in the gate results', () => {
    const state = opportunity.fold([...laterPath.requoteReview, ...rejection('quoteReview', 2)]);
    expect(state.context.gates.results.quoteReview).toEqual({
      round: 2,
      outcome: 'rejected',
      reasons: [{ role: 'FR', voter: 'fay', reason: 'no delivery capacity' }],
    });
  });
});
