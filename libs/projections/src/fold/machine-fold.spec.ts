import type { Event } from '@ltc/domain';
import { contractWorkflow } from '@ltc/workflow-contract';
import { customerWorkflow } from '@ltc/workflow-customer';
import { leadWorkflow } from '@ltc/workflow-lead';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { generateHistory } from '../testing/generate-history';
import { kindFolders, leafStates, streamKindOf } from './stream-kinds';

type Folding = {
  evolve: (s: never, e: never) => unknown;
  initialState: () => unknown;
  stateName: (s: never) => string;
};
const WORKFLOWS: Record<string, Folding> = {
  lead: leadWorkflow,
  opportunity: opportunityWorkflow,
  contract: contractWorkflow,
  customer: customerWorkflow,
};

describe('the projections fold each stream with the workflow machine itself', () => {
  it('gives the same state and context as workflow.evolve after every event of a generated history', () => {
    const byStream = new Map<string, Event[]>();
    for (const append of generateHistory({ seed: 11, events: 3000, validate: true })) {
      byStream.set(append.streamId, [...(byStream.get(append.streamId) ?? []), ...append.envelopes]);
    }
    let compared = 0;
    for (const [streamId, events] of byStream) {
      const kind = streamKindOf(streamId)!.kind;
      const folder = kindFolders()[kind];
      const workflow = WORKFLOWS[kind]!;
      let fast = folder.initial();
      let slow = workflow.initialState();
      for (const event of events) {
        fast = folder.step(fast, event)!;
        slow = workflow.evolve(slow as never, event as never);
        expect(folder.stateName(fast)).toBe(workflow.stateName(slow as never));
        expect(fast.context).toEqual((slow as { context: unknown }).context);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3000);
  });

  it('reports a refused event as undefined, like evolve throws', () => {
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
});
