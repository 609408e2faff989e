import { defaultGatePolicy } from '@ltc/workflow-gates';
import { DealScript, day, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { gateDecisionsProjection } from './gate-decisions.projection';
import { gateDecisions } from './gate-decisions.queries';

// g1: approval requested d1, fay (FR) rejects d2; requested again d3, all three approve d4.
// g2: approval requested d1, the deal is abandoned d2 while the round is open.
function worked(): History {
  const h = new History();
  new DealScript(h, 'g1', { owner: 'ann', amount: eur(1_000_000) })
    .open(0)
    .validate(0)
    .requestGate(1, 'opportunityApproval')
    .rejectGate(2, 'opportunityApproval', 'open.validated', 'no delivery capacity in Q2')
    .requestGate(3, 'opportunityApproval')
    .passGate(4, 'opportunityApproval', 'open.preBidGuidance');
  new DealScript(h, 'g2', {
    owner: 'cy',
    amount: eur(1_000_000),
    triangle: { AR: 'cy', SR: 'dee', FR: 'gus' },
  })
    .open(0)
    .validate(0)
    .requestGate(1, 'opportunityApproval')
    .abandon(2, 'customer merged');
  return h;
}

describe('gate decisions projection: every round, vote and policy', () => {
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => (run = await projected(worked(), [gateDecisionsProjection])));
  afterAll(() => run.close());
  const query = (q: Parameters<typeof gateDecisions>[1] = {}) =>
    gateDecisions(run.model(gateDecisionsProjection), q);

  it('keeps each round of g1 with its policy, votes in order and outcome', () => {
    const { rounds, total } = query({ streamId: 'opportunity-g1' });
    expect(total).toBe(2);
    expect(rounds.map((r) => ({ ...r, position: undefined }))).toEqual([
      {
        streamId: 'opportunity-g1',
        gate: 'opportunityApproval',
        round: 2,
        policy: defaultGatePolicy,
        requestedAt: day(3),
        requestedBy: 'ann',
        votes: [
          { role: 'AR', voter: 'ann', decision: 'approve', reason: '', at: day(4) },
          { role: 'SR', voter: 'sam', decision: 'approve', reason: '', at: day(4) },
          { role: 'FR', voter: 'fay', decision: 'approve', reason: '', at: day(4) },
        ],
        outcome: 'passed',
        decidedAt: day(4),
        reasons: [],
        position: undefined,
      },
      {
        streamId: 'opportunity-g1',
        gate: 'opportunityApproval',
        round: 1,
        policy: defaultGatePolicy,
        requestedAt: day(1),
        requestedBy: 'ann',
        votes: [
          { role: 'FR', voter: 'fay', decision: 'reject', reason: 'no delivery capacity in Q2', at: day(2) },
        ],
        outcome: 'rejected',
        decidedAt: day(2),
        reasons: [{ role: 'FR', voter: 'fay', reason: 'no delivery capacity in Q2' }],
        position: undefined,
      },
    ]);
  });

  it('marks a round the machine dropped (deal abandoned) as discarded', () => {
    expect(query({ streamId: 'opportunity-g2' }).rounds).toMatchObject([
      { round: 1, outcome: 'discarded', decidedAt: day(2), votes: [] },
    ]);
  });

  it('filters by outcome, voter and visibility', () => {
    expect(query({ outcome: 'rejected' }).total).toBe(1);
    expect(query({ voter: 'fay' }).total).toBe(2);
    expect(query({ visibleTo: ['dee'] }).rounds.map((r) => r.streamId)).toEqual(['opportunity-g2']);
  });
});
