import { MemoryEventStore, type EventStore, type SubscriptionHealth } from '@ltc/event-store';
import { HealthController } from './health.controller';

describe('HealthController', () => {
  it('shows the store’s subscription reconnects', async () => {
    const reconnecting: SubscriptionHealth = {
      state: 'reconnecting',
      reconnects: 3,
      lastInterruption: { at: '2026-12-02T14:00:00.000Z', reason: 'ended by the server' },
      position: null,
    };
    const memory = new MemoryEventStore();
    const store: EventStore = Object.assign(memory, { subscriptionHealth: () => [reconnecting] });
    const health = await new HealthController(store).health();
    expect(health.store.subscriptions).toEqual([reconnecting]);
    await memory.close();
  });

  it('leaves subscriptions out for an adapter whose subscriptions cannot be interrupted', async () => {
    const store = new MemoryEventStore();
    expect((await new HealthController(store).health()).store).not.toHaveProperty('subscriptions');
    await store.close();
  });
});
