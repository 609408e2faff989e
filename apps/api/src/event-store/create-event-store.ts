import { refusedConnectionString, type AppConfig } from '@ltc/config';
import { createEventStore as openEventStore, type EventStore } from '@ltc/event-store';

/** Builds the adapter the configuration names (through the library's factory, shared with the cli). */
export function createEventStore(
  config: Pick<AppConfig, 'eventStore' | 'sqliteFile' | 'eventStoreConnectionString'>,
): EventStore {
  try {
    return openEventStore({
      kind: config.eventStore,
      sqliteFile: config.sqliteFile,
      ...(config.eventStoreConnectionString === undefined
        ? {}
        : { connectionString: config.eventStoreConnectionString }),
    });
  } catch (error) {
    if (config.eventStore !== 'eventstoredb' || config.eventStoreConnectionString === undefined) throw error;
    throw refusedConnectionString(config.eventStoreConnectionString, error);
  }
}
