import type { Event } from '@ltc/domain';
import { contractWorkflow } from '@ltc/workflow-contract';
import { customerWorkflow } from '@ltc/workflow-customer';
import { leadWorkflow } from '@ltc/workflow-lead';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { ReplayError, type ReplayState, type Replayer } from '@ltc/workflow-kit';
import { generateHistory } from '../testing/generate-history';
import { Rng } from '../testing/rng';
import { streamKindOf } from './stream-kinds';

type Folding = {
  replayer: () => Replayer;
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

/** evolve, with a refusal as undefined */
function evolveOrUndefined(workflow: Folding, state: unknown, event: Event): unknown {
  try {
    return workflow.evolve(state as never, event as never);
  } catch (error) {
    if (error instanceof ReplayError) return undefined;
    throw error;
  }
}

describe("the kit's fast replay steps each machine by its own definition, exactly like workflow.evolve", () => {
  const byStream = new Map<string, Event[]>();
  beforeAll(() => {
    for (const append of generateHistory({ seed: 19, events: 6000 })) {
      byStream.set(append.streamId, [...(byStream.get(append.streamId) ?? []), ...append.envelopes]);
    }
  });

  it('supports every workflow machine', () => {
    for (const workflow of Object.values(WORKFLOWS)) expect(workflow.replayer().fast).toBe(true);
  });

  it('gives the same state name and context after every event of a generated history', () => {
    let compared = 0;
    for (const [streamId, events] of byStream) {
      const workflow = WORKFLOWS[streamKindOf(streamId)!.kind]!;
      const stepper = workflow.replayer();
      let slow = workflow.initialState();
      let fast: ReplayState = stepper.initial();
      for (const event of events) {
        slow = workflow.evolve(slow as never, event as never);
        fast = stepper.step(fast, event)!;
        expect(stepper.stateName(fast)).toBe(workflow.stateName(slow as never));
        expect(fast.context).toEqual((slow as { context: unknown }).context);
        expect(fast.status).toBe((slow as { status: string }).status);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6000);
  });

  it('refuses exactly what evolve refuses: events out of place, guards that fail', () => {
    const rng = new Rng(5);
    const samples = [...byStream.values()].flat();
    let refused = 0;
    let accepted = 0;
    for (const [streamId, events] of byStream) {
      const workflow = WORKFLOWS[streamKindOf(streamId)!.kind]!;
      const stepper = workflow.replayer();
      let slow = workflow.initialState();
      let fast: ReplayState = stepper.initial();
      for (const event of events) {
        // Try a random event of the history first (often another stream's, or out of order).
        const stray = rng.pick(samples);
        const slowStray = evolveOrUndefined(workflow, slow, stray);
        const fastStray = stepper.step(fast, stray);
        expect(fastStray === undefined).toBe(slowStray === undefined);
        if (slowStray === undefined) refused++;
        else {
          accepted++;
          expect(stepper.stateName(fastStray!)).toBe(workflow.stateName(slowStray as never));
          expect(fastStray!.context).toEqual((slowStray as { context: unknown }).context);
        }
        slow = workflow.evolve(slow as never, event as never);
        fast = stepper.step(fast, event)!;
      }
    }
    expect(refused).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(100);
  });
});
