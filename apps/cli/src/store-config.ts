import { checkStoreDirectories, ConfigError, loadStoreConfig, refusedConnectionString } from '@ltc/config';
import { createEventStore, type EventStore } from '@ltc/event-store';
import { ReadModelStore, readModelsFile } from '@ltc/projections';

/** The store and read models the api uses, from the same environment (DATA_DIR, SQLITE_FILE, EVENT_STORE…). */
export type Stores = Readonly<{
  events: EventStore;
  readModels: () => ReadModelStore;
  /** The read models' file (opening them creates it). */
  readModelsFile: string;
  close: () => Promise<void>;
}>;

/** Opens what the api's environment names; a bad value throws a one-line ConfigError naming it. */
export function openStores(env: NodeJS.ProcessEnv = process.env, dataDirOverride?: string): Stores {
  const config = loadStoreConfig(env, dataDirOverride === undefined ? {} : { dataDir: dataDirOverride });
  if (config.eventStore === 'memory') {
    throw new ConfigError(
      'EVENT_STORE="memory" is not allowed here: the memory store lives inside the api process and ' +
        'there is no log for the cli to read; expected sqlite or eventstoredb',
    );
  }
  checkStoreDirectories(config);
  let events: EventStore;
  try {
    events = createEventStore({
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
  let readModels: ReadModelStore | undefined;
  const file = readModelsFile(config.dataDir, config.eventStore);
  return {
    events,
    readModels: () => (readModels ??= new ReadModelStore({ file })),
    readModelsFile: file,
    close: async () => {
      readModels?.close();
      await events.close();
    },
  };
}
