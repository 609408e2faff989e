import { createEventStore as openEventStore, type EventStore } from '@ltc/event-store';
import { ConfigError, type AppConfig } from '../config';

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
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}
