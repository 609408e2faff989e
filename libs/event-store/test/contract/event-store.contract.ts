import type { EventStore } from '../../src';
import { concurrencyContract } from './concurrency.contract';
import { expectationsContract } from './expectations.contract';
import { idempotencyContract } from './idempotency.contract';
import { payloadsContract } from './payloads.contract';
import { readsContract } from './reads.contract';
import { subscriptionContract } from './subscription.contract';

/** Hands each behaviour the store opened for the suite. */
export type ContractContext = Readonly<{ store: () => EventStore }>;

/**
 * The one contract every adapter passes, written once. Tests share one store and stay apart through
 * unique stream prefixes, so the same suite runs against a long-lived EventStoreDB. With `skipReason`
 * the suite is declared skipped, visibly, under a title that says why.
 */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  skipReason?: string,
): void {
  if (skipReason !== undefined) {
    describe.skip(`${name} event store contract (skipped: ${skipReason})`, () => {
      it('runs only where the adapter can reach its store', () => undefined);
    });
    return;
  }
  describe(`${name} event store contract`, () => {
    let store: EventStore | undefined;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });
    const context: ContractContext = {
      store: () => {
        if (store === undefined) throw new Error('store not open');
        return store;
      },
    };
    expectationsContract(context);
    concurrencyContract(context);
    idempotencyContract(context);
    readsContract(context);
    subscriptionContract(context);
    payloadsContract(context);
  });
}
