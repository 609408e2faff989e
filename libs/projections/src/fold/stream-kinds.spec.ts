import { leadWorkflow } from '@ltc/workflow-lead';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { generateHistory } from '../testing/generate-history';
import { kindFolders, leafStates, streamKindOf } from './stream-kinds';

describe('the projections fold each stream with its workflow', () => {
  it('every event of a generated history, the incentive plan and periods too, is accepted by its machine', () => {
    const plan = [
      ...generateHistory({
        seed: 12,
        events: 3000,
        validate: true,
        incentives: { planId: 'gen', correctInMonth: 3 },
      }),
    ];
    expect(new Set(plan.map((a) => streamKindOf(a.streamId)?.kind))).toEqual(
      new Set(['lead', 'opportunity', 'contract', 'customer', 'incentive-plan', 'incentive-period']),
    );
    expect(plan.filter((a) => a.envelopes[0]?.type === 'IncentivePeriodClosed').length).toBeGreaterThan(12);
  });

  it('every event of a generated history is accepted by its machine (no plan: the deals alone)', () => {
    const appends = [...generateHistory({ seed: 11, events: 3000, validate: true })];
    expect(appends.reduce((n, a) => n + a.envelopes.length, 0)).toBeGreaterThanOrEqual(3000);
    expect(new Set(appends.map((a) => streamKindOf(a.streamId)?.kind))).toEqual(
      new Set(['lead', 'opportunity', 'contract', 'customer']),
    );
  });

  it('reports a refused event as undefined, where evolve throws', () => {
    const folder = kindFolders().opportunity;
    const event = { type: 'OpportunityWon', data: {} };
    expect(folder.step(folder.initial(), event)).toBeUndefined();
    expect(() => opportunityWorkflow.evolve(opportunityWorkflow.initialState(), event as never)).toThrow();
  });

  it('reads stage names off the machine definition', () => {
    expect(leafStates(leadWorkflow.machine)).toEqual([
      'new',
      'working',
      'nurturing',
      'qualified',
      'disqualified',
      'converted',
    ]);
  });

  it('knows the stream kinds the read models understand', () => {
    expect(streamKindOf('opportunity-o-1')).toEqual({ kind: 'opportunity', id: 'o-1' });
    expect(streamKindOf('incentive-plan-2026')).toEqual({ kind: 'incentive-plan', id: '2026' });
    expect(streamKindOf('incentive-period-sales.2026-11')).toEqual({
      kind: 'incentive-period',
      id: 'sales.2026-11',
    });
    expect(streamKindOf('person-ann')).toBeUndefined();
  });
});
