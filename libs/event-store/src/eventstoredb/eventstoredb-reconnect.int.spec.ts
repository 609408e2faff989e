import type { SubscriptionMessage } from '../event-store.port';
import { FakeEsdbServer, grpcStatus } from '../../test/support/fake-esdb-server';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

let server: FakeEsdbServer;
let store: EventStoreDbEventStore;

beforeEach(async () => {
  // Every live subscription is ended by the server, without an error, after 3 events.
  server = await new FakeEsdbServer({ endSubscriptionAfter: 3 }).start();
  store = new EventStoreDbEventStore({
    connectionString: server.connectionString,
    reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
  });
});

afterEach(async () => {
  await store.close();
  server.stop();
});

async function until(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

/** Subscribes with a backlog of 2 events, then appends `live` more once it is caught up. */
async function subscribeThenAppend(live: number) {
  server.seed('lead-1', 2);
  const messages: SubscriptionMessage[] = [];
  let completed = false;
  const subscription = store.subscribeAll().subscribe({
    next: (message) => messages.push(message),
    complete: () => (completed = true),
  });
  await until('caughtUp', () => messages.some((m) => m.kind === 'caughtUp'));
  server.seed('lead-2', live);
  const events = (): string[] => messages.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []));
  return { subscription, messages, events, completed: () => completed };
}

describe('EventStoreDB subscription ended by the server', () => {
  it('reconnects from the last delivered position: every event once, in order, no gap', async () => {
    const run = await subscribeThenAppend(12);
    await until('14 events', () => run.events().length >= 14 || run.completed());
    expect(run.completed()).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(run.events()).toEqual(server.records.map((r) => r.id));
    expect(run.messages.filter((m) => m.kind === 'caughtUp')).toHaveLength(1);
    expect(server.subscriptionCalls).toBeGreaterThanOrEqual(5);
    run.subscription.unsubscribe();
  });

  it('shows the reconnects, the last end and the state on subscriptionHealth()', async () => {
    const run = await subscribeThenAppend(7);
    await until('2 reconnects', () => (store.subscriptionHealth()[0]?.reconnects ?? 0) >= 2);
    const [health] = store.subscriptionHealth();
    expect(health?.lastInterruption?.reason).toBe('ended by the server');
    expect(['live', 'reconnecting']).toContain(health?.state);
    expect(health?.position).not.toBeNull();
    run.subscription.unsubscribe();
    expect(store.subscriptionHealth()).toEqual([]);
  });
});

describe('EventStoreDB subscription ended by the server with an error', () => {
  /** Restarts the fake so it ends each live subscription with `code` after 3 events. */
  async function serverEndingWith(code: number): Promise<void> {
    await store.close();
    server.stop();
    server = await new FakeEsdbServer({ endSubscriptionAfter: 3, endSubscriptionWith: code }).start();
    store = new EventStoreDbEventStore({
      connectionString: server.connectionString,
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    });
  }

  it('a transient one (UNAVAILABLE) reconnects from the last delivered position', async () => {
    await serverEndingWith(grpcStatus.UNAVAILABLE);
    const run = await subscribeThenAppend(8);
    await until('10 events', () => run.events().length >= 10 || run.completed());
    await new Promise((r) => setTimeout(r, 50));
    expect(run.completed()).toBe(false);
    expect(run.events()).toEqual(server.records.map((r) => r.id));
    const [health] = store.subscriptionHealth();
    expect(health?.reconnects).toBeGreaterThanOrEqual(2);
    expect(health?.lastInterruption?.reason).toContain('ended the subscription with status 14');
    run.subscription.unsubscribe();
  });

  it('a lasting one (UNAUTHENTICATED: access denied) ends the Observable with that error, without retrying', async () => {
    await serverEndingWith(grpcStatus.UNAUTHENTICATED);
    const error = await new Promise<Error>((resolve) => {
      store.subscribeAll().subscribe({
        // Live events only: the server ends the live call after 3 of them.
        next: (message) => message.kind === 'caughtUp' && server.seed('lead-2', 5),
        error: (failure: Error) => resolve(failure),
      });
    });
    expect(error.message).toContain('status 16');
    expect(server.subscriptionCalls).toBe(1);
    expect(store.subscriptionHealth()).toEqual([]);
  });
});
