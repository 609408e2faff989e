import { MemoryEventStore } from '@ltc/event-store';
import { FixedClock } from './clock.port';
import { CommandPipeline } from './command-pipeline';
import { eventHash, verifyChain } from '@ltc/hash-chain';
import { tallyWorkflow } from './testing/tally.workflow';

describe('hash chain', () => {
  async function stream() {
    const store = new MemoryEventStore();
    const pipeline = new CommandPipeline(store, new FixedClock('2026-03-01T09:00:00.000Z'));
    const actor = { id: 'ann', roles: ['rep'] };
    await pipeline.execute(tallyWorkflow, null, {
      streamId: 't-1',
      commandId: 'c0',
      actor,
      command: { type: 'OpenTally', data: { limit: 10 } },
    });
    for (const i of [1, 2, 3]) {
      await pipeline.execute(tallyWorkflow, null, {
        streamId: 't-1',
        commandId: `c${i}`,
        actor,
        command: { type: 'Count', data: { by: 1 } },
      });
    }
    return store.readStream('t-1');
  }

  it('links every event to the one before it', async () => {
    const events = await stream();
    expect(events[0]?.metadata.previousHash).toBeNull();
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.metadata.previousHash).toBe(events[i - 1]?.metadata.hash);
      expect(events[i]?.metadata.hash).toBe(eventHash(events[i]!));
    }
    expect(verifyChain(events)).toBeNull();
  });

  it('names the first event whose content was changed', async () => {
    const events = (await stream()).map((e) => ({ ...e }));
    events[2] = { ...events[2]!, data: { ...events[2]!.data, by: 9 } };
    expect(verifyChain(events)).toMatchObject({
      revision: 2,
      reason: 'hash does not match the event content',
    });
  });

  it('names an event whose link was cut (an event removed before it)', async () => {
    const events = await stream();
    const cut = [events[0]!, ...events.slice(2)];
    expect(verifyChain(cut)).toMatchObject({
      revision: 2,
      reason: 'previousHash does not match the event before it',
    });
  });
});
