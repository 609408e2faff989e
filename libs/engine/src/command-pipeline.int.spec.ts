import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ltc/event-store';
import { FixedClock } from './clock.port';
import { CommandPipeline } from './command-pipeline';
import { RetriesExhaustedError } from './engine.errors';
import { tallyWorkflow } from './testing/tally.workflow';

describe('CommandPipeline on a SQLite file', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ltc-engine-'));
    store = new SqliteEventStore({ file: join(dir, 'ltc.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps 50 racing commands on one stream contiguous: none lost, none doubled', async () => {
    const clock = new FixedClock('2026-03-01T09:00:00.000Z');
    const actor = { id: 'ann', roles: ['rep'] };
    await new CommandPipeline(store, clock).execute(tallyWorkflow, null, {
      streamId: 'tally-race',
      commandId: 'open',
      actor,
      command: { type: 'OpenTally', data: { limit: 1_000 } },
    });
    // Separate pipelines share no cache: each caller races on the store alone, as separate requests would.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        new CommandPipeline(store, clock, { maxAttempts: 3 }).execute(tallyWorkflow, null, {
          streamId: 'tally-race',
          commandId: `count-${i}`,
          actor,
          command: { type: 'Count', data: { by: 1 } },
        }),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    for (const r of refused) expect(r.reason).toBeInstanceOf(RetriesExhaustedError);

    const events = await store.readStream('tally-race');
    const counted = events.filter((e) => e.type === 'TallyCounted');
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(counted).toHaveLength(accepted.length);
    expect(new Set(counted.map((e) => e.metadata.commandId)).size).toBe(accepted.length);
    expect(accepted.length).toBeGreaterThan(0);
    const revisions = accepted.map((o) => o.value.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(counted.map((e) => e.revision));
  });
});
