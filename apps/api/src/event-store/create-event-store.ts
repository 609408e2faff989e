import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  EventStoreDbEventStore,
  MemoryEventStore,
  SqliteEventStore,
  type EventStore,
} from '@ltc/event-store';
import { ConfigError, type AppConfig } from '../config';

/** Builds the adapter the configuration names; the only place the api knows adapters exist. */
export function createEventStore(
  config: Pick<AppConfig, 'eventStore' | 'sqliteFile' | 'eventStoreConnectionString'>,
): EventStore {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      mkdirSync(dirname(config.sqliteFile), { recursive: true });
      return new SqliteEventStore({ file: config.sqliteFile });
    case 'eventstoredb':
      if (!config.eventStoreConnectionString) {
        throw new ConfigError('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
      }
      return new EventStoreDbEventStore({ connectionString: config.eventStoreConnectionString });
    default: {
      const unknown: never = config.eventStore;
      throw new ConfigError(`unknown event store "${String(unknown)}"`);
    }
  }
}
