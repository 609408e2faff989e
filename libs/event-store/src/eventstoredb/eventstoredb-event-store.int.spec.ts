import { EventStoreDBContainer, type StartedEventStoreDBContainer } from '@testcontainers/eventstoredb';
import { describeEventStoreContract } from '../../test/contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Set by test/eventstoredb-setup.cjs when neither a connection string nor a container runtime exists.
const skipReason = process.env['LTC_ESDB_SKIP'];
let container: StartedEventStoreDBContainer | undefined;

jest.setTimeout(180_000);

describeEventStoreContract(
  'eventstoredb',
  async () => {
    let connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];
    if (!connectionString) {
      container = await new EventStoreDBContainer()
        .withEnvironment({ EVENTSTORE_MEM_DB: 'true', EVENTSTORE_MAX_APPEND_SIZE: String(4 * 1024 * 1024) })
        .start();
      connectionString = container.getConnectionString();
    }
    return new EventStoreDbEventStore({ connectionString });
  },
  skipReason,
);

afterAll(async () => {
  await container?.stop();
});
