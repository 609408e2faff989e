import { deciderSpec } from '@ltc/workflow-kit';
import { exampleGateWorkflow as deal } from '../test/gate.example';
import type { GateEvent } from './gate.events';
import { defaultGatePolicies, defaultGatePolicy, type GatePolicies, type GatePolicy } from './gate.policy';
import type { TriangleEvent } from './triangle';

const ctx = { at: '2026-03-01T09:00:00.000Z', actor: 'ann', policy: { gates: defaultGatePolicies } };
const given = deciderSpec(deal, ctx);
const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };
const assigned: TriangleEvent = { type: 'IronTriangleAssigned', data: { triangle } };
const requested = (round: number, policy: GatePolicy = defaultGatePolicy): GateEvent => ({
  type: 'GateReviewRequested',
  data: { gate: 'quoteReview', round, policy },
});
const vote = (
  role: 'AR' | 'SR' | 'FR',
  voter: string,
  decision: 'approve' | 'reject',
  reason = '',
  round = 1,
) => ({ type: 'GateVoteCast', data: { gate: 'quoteReview', round, role, voter, decision, reason } }) as const;
const policies = (quoteReview: GatePolicy): { gates: GatePolicies } => ({
  gates: { ...defaultGatePolicies, quoteReview },
});
const request = { type: 'RequestGateReview', data: { gate: 'quoteReview' } } as const;
const approveAs = (role: 'AR' | 'SR' | 'FR') =>
  ({ type: 'CastGateVote', data: { gate: 'quoteReview', role, decision: 'approve' } }) as const;
const rejectAs = (role: 'AR' | 'SR' | 'FR', reason: string) =>
  ({ type: 'CastGateVote', data: { gate: 'quoteReview', role, decision: 'reject', reason } }) as const;

describe('RequestGateReview', () => {
  it('opens round 1 and records the policy in force', () => {
    given([assigned])
      .when(request)
      .then([requested(1)]);
  });

  it('numbers a resubmission as the next round', () => {
    const rejected = [assigned, requested(1), vote('AR', 'ann', 'reject', 'too cheap')];
    const { state } = given([
      ...rejected,
      { type: 'GateRejected', data: { gate: 'quoteReview', round: 1, reasons: [] } },
    ])
      .when(request)
      .then([requested(2)]);
    expect(state.context.gates.rounds.quoteReview).toBe(2);
  });

  it('passes at once when the policy requires no role (a waived gate stays in history)', () => {
    const waived: GatePolicy = { requiredRoles: [], onRejection: 'endRound' };
    given([assigned])
      .when(request, { policy: policies(waived) })
      .then([
        requested(1, waived),
        { type: 'GatePassed', data: { gate: 'quoteReview', round: 1, approvals: [] } },
      ]);
  });

  it('refuses before the triangle is assigned', () => {
    given([]).when(request).thenRefuses('triangleAssigned');
  });

  it('refuses a gate this stage does not lead to', () => {
    given([assigned])
      .when({ type: 'RequestGateReview', data: { gate: 'deliveryHandover' } })
      .thenRefuses('gateBelongsToStage');
  });

  it('refuses while a round is already open', () => {
    given([assigned, requested(1)])
      .when(request)
      .thenRefuses('transitionNotAllowed');
  });

  it('rejects an unknown gate name as invalid', () => {
    given([assigned])
      .when({ type: 'RequestGateReview', data: { gate: 'bogus' as 'quoteReview' } })
      .thenInvalid('gate');
  });
});

describe('CastGateVote', () => {
  const open = [assigned, requested(1)];

  it('records an approval from the holder of a required role', () => {
    given(open)
      .when(approveAs('AR'))
      .then([vote('AR', 'ann', 'approve')]);
  });

  it('records the vote that completes the approvals and the pass', () => {
    const { state } = given([...open, vote('AR', 'ann', 'approve'), vote('SR', 'sam', 'approve')])
      .when(approveAs('FR'), { actor: 'fay' })
      .then([
        vote('FR', 'fay', 'approve'),
        {
          type: 'GatePassed',
          data: {
            gate: 'quoteReview',
            round: 1,
            approvals: [
              { role: 'AR', voter: 'ann' },
              { role: 'SR', voter: 'sam' },
              { role: 'FR', voter: 'fay' },
            ],
          },
        },
      ]);
    expect(deal.stateName(state)).toBe('approved');
    expect(state.context.gates.results.quoteReview).toEqual({ round: 1, outcome: 'passed', reasons: [] });
  });

  it('ends the round on the first rejection by default and returns the deal', () => {
    const { state } = given([...open, vote('AR', 'ann', 'approve')])
      .when(rejectAs('SR', 'margin below floor'), { actor: 'sam' })
      .then([
        vote('SR', 'sam', 'reject', 'margin below floor'),
        {
          type: 'GateRejected',
          data: {
            gate: 'quoteReview',
            round: 1,
            reasons: [{ role: 'SR', voter: 'sam', reason: 'margin below floor' }],
          },
        },
      ]);
    expect(deal.stateName(state)).toBe('draft');
    expect(state.context.gates.open).toBeNull();
  });

  it('waits for every vote when the policy says so, then rejects with all reasons', () => {
    const all: GatePolicy = { requiredRoles: ['AR', 'SR', 'FR'], onRejection: 'awaitAllVotes' };
    const started = [assigned, requested(1, all), vote('AR', 'ann', 'reject', 'no budget')];
    given([assigned, requested(1, all)])
      .when(rejectAs('AR', 'no budget'))
      .then([vote('AR', 'ann', 'reject', 'no budget')]);
    given([...started, vote('SR', 'sam', 'approve')])
      .when(rejectAs('FR', 'no capacity'), { actor: 'fay' })
      .then([
        vote('FR', 'fay', 'reject', 'no capacity'),
        {
          type: 'GateRejected',
          data: {
            gate: 'quoteReview',
            round: 1,
            reasons: [
              { role: 'AR', voter: 'ann', reason: 'no budget' },
              { role: 'FR', voter: 'fay', reason: 'no capacity' },
            ],
          },
        },
      ]);
  });

  it('judges a round by the policy recorded when it opened, not by the policy of today', () => {
    const onlyAr: GatePolicy = { requiredRoles: ['AR'], onRejection: 'endRound' };
    given([assigned, requested(1, onlyAr)])
      .when(approveAs('AR'))
      .then([
        vote('AR', 'ann', 'approve'),
        {
          type: 'GatePassed',
          data: { gate: 'quoteReview', round: 1, approvals: [{ role: 'AR', voter: 'ann' }] },
        },
      ]);
    given([assigned, requested(1, onlyAr)])
      .when(approveAs('SR'), { actor: 'sam' })
      .thenRefuses('roleRequired');
  });

  it('refuses a voter who does not hold the role on this deal', () => {
    given(open).when(approveAs('SR'), { actor: 'ann' }).thenRefuses('voterHoldsRole');
  });

  it('refuses a second vote for the same role in the round', () => {
    given([...open, vote('AR', 'ann', 'approve')])
      .when(approveAs('AR'))
      .thenRefuses('roleHasNotVoted');
  });

  it('refuses a vote for another gate than the one under review', () => {
    given(open)
      .when({ type: 'CastGateVote', data: { gate: 'solutionConsensus', role: 'AR', decision: 'approve' } })
      .thenRefuses('eventForOpenRound');
  });

  it('refuses a vote when no round is open', () => {
    given([assigned]).when(approveAs('AR')).thenRefuses('transitionNotAllowed');
  });

  it('lets the new holder vote after a reassignment, and not the old one', () => {
    const moved = [
      ...open,
      {
        type: 'IronTriangleRoleReassigned',
        data: { role: 'SR', from: 'sam', to: 'sue', reason: 'leave' },
      } as const,
    ];
    given(moved).when(approveAs('SR'), { actor: 'sam' }).thenRefuses('voterHoldsRole');
    given(moved)
      .when(approveAs('SR'), { actor: 'sue' })
      .then([vote('SR', 'sue', 'approve')]);
  });

  it.each([
    ['a rejection without a reason', rejectAs('AR', '  '), 'reason'],
    [
      'an unknown role',
      { type: 'CastGateVote', data: { gate: 'quoteReview', role: 'XR', decision: 'approve' } },
      'role',
    ],
    [
      'an unknown decision',
      { type: 'CastGateVote', data: { gate: 'quoteReview', role: 'AR', decision: 'maybe' } },
      'decision',
    ],
    [
      'an unknown gate',
      { type: 'CastGateVote', data: { gate: 'nope', role: 'AR', decision: 'approve' } },
      'gate',
    ],
  ])('rejects %s as invalid', (_label, command, field) => {
    given(open)
      .when(command as never)
      .thenInvalid(field);
  });
});

describe('replay', () => {
  it('folds a rejected round and a passed resubmission to the state the decisions produced', () => {
    let state = deal.initialState();
    const events: (GateEvent | TriangleEvent)[] = [];
    const run = (command: Parameters<typeof deal.decide>[0], actor: string) => {
      const decision = deal.decide(command, state, { ...ctx, actor });
      events.push(...decision.events);
      state = decision.state;
    };
    run({ type: 'AssignIronTriangle', data: { triangle } }, 'boss');
    run(request, 'ann');
    run(rejectAs('FR', 'no delivery team'), 'fay');
    run(request, 'ann');
    run(approveAs('AR'), 'ann');
    run(approveAs('SR'), 'sam');
    run(approveAs('FR'), 'fay');
    expect(deal.stateName(state)).toBe('approved');
    const replayed = deal.fold(events);
    expect(replayed.value).toEqual(state.value);
    expect(replayed.context).toEqual(state.context);
    expect(replayed.context.gates.rounds.quoteReview).toBe(2);
  });
});
