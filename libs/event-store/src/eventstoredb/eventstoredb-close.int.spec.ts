import { anEvent } from '../../test/contract/fixtures';
import { FakeEsdbServer } from '../../test/support/fake-esdb-server';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

let server: FakeEsdbServer;

beforeEach(async () => {
  server = await new FakeEsdbServer().start();
  server.holdAppends = true;
});

afterEach(() => server.stop());

async function untilHeld(count: number): Promise<void> {
  while (server.heldAppends < count) await new Promise((r) => setTimeout(r, 5));
}

describe('EventStoreDB close()', () => {
  it('waits for appends in flight: they finish with their result instead of an unknown outcome', async () => {
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    const appending = store.append('lead-1', [anEvent(), anEvent()], 'noStream');
    await untilHeld(1);
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    server.releaseAppends();
    await expect(appending).resolves.toMatchObject({ nextRevision: 1 });
    await closing;
    expect(server.records).toHaveLength(2);
  });

  it('refuses appends once closing', async () => {
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    await store.close();
    await expect(store.append('lead-1', [anEvent()], 'any')).rejects.toThrow('closed');
  });

  it('waits no longer than closeTimeoutMs for an append that never answers', async () => {
    const store = new EventStoreDbEventStore({
      connectionString: server.connectionString,
      closeTimeoutMs: 200,
    });
    const appending = store.append('lead-1', [anEvent()], 'any');
    const outcome = appending.then(
      () => 'acknowledged',
      (error: Error) => error.message,
    );
    await untilHeld(1);
    const started = Date.now();
    await store.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await outcome).toMatch(/1 append\(s\) unanswered: their outcome is unknown/);
  });
});
