import type { Event } from '@ltc/domain';
import { contractWorkflow } from '@ltc/workflow-contract';
import { customerWorkflow } from '@ltc/workflow-customer';
import { leadWorkflow } from '@ltc/workflow-lead';
import { incentivePeriodWorkflow } from '@ltc/workflow-incentive-period';
import { incentivePlanWorkflow } from '@ltc/workflow-incentive-plan';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { compareReplayWithXState } from '@ltc/workflow-kit';
import { generateHistory } from '../testing/generate-history';
import { Rng } from '../testing/rng';
import { kindFolders, streamKindOf, type StreamKind } from './stream-kinds';

const WORKFLOWS = {
  lead: leadWorkflow,
  opportunity: opportunityWorkflow,
  contract: contractWorkflow,
  customer: customerWorkflow,
  'incentive-plan': incentivePlanWorkflow,
  'incentive-period': incentivePeriodWorkflow,
} satisfies Record<StreamKind, Parameters<typeof compareReplayWithXState>[0]>;

// The proof lives in the kit (compareReplayWithXState); this feeds it the histories the projections see.
describe("the projections fold through the kit's fast replay, which equals XState's transition()", () => {
  const byStream = new Map<string, Event[]>();
  beforeAll(() => {
    for (const append of generateHistory({ seed: 19, events: 6000 })) {
      byStream.set(append.streamId, [...(byStream.get(append.streamId) ?? []), ...append.envelopes]);
    }
  });

  it('folds every workflow machine the fast way, with its workflow replayer', () => {
    for (const [kind, workflow] of Object.entries(WORKFLOWS)) {
      expect(workflow.replayer().fast).toBe(true);
      expect(kindFolders()[kind as StreamKind].step).toBe(workflow.replayer().step);
    }
  });

  it('gives the same state name and context after every event of a generated history', () => {
    let compared = 0;
    for (const [streamId, events] of byStream) {
      const comparison = compareReplayWithXState(WORKFLOWS[streamKindOf(streamId)!.kind]);
      for (const event of events) expect(comparison.send(event)).toBe(true);
      compared += comparison.counts().accepted;
    }
    expect(compared).toBeGreaterThanOrEqual(6000);
  });

  it('refuses exactly what XState refuses: events out of place, guards that fail', () => {
    const rng = new Rng(5);
    const samples = [...byStream.values()].flat();
    let refused = 0;
    let accepted = 0;
    for (const [streamId, events] of byStream) {
      const comparison = compareReplayWithXState(WORKFLOWS[streamKindOf(streamId)!.kind]);
      for (const event of events) {
        // Try a random event of the history first (often another stream's, or out of order).
        if (comparison.probe(rng.pick(samples))) accepted++;
        else refused++;
        comparison.send(event);
      }
    }
    expect(refused).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(100);
  });
});
