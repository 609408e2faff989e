import { resolve } from 'node:path';
import { createEventStore, type EventStore, type EventStoreKind } from '@ltc/event-store';
import { ReadModelStore, readModelsFile } from '@ltc/projections';

/** The store and read models the api uses, from the same environment (DATA_DIR, SQLITE_FILE, EVENT_STORE…). */
export type Stores = Readonly<{
  events: EventStore;
  readModels: () => ReadModelStore;
  /** The read models' file (opening them creates it). */
  readModelsFile: string;
  close: () => Promise<void>;
}>;

const KINDS: readonly EventStoreKind[] = ['sqlite', 'eventstoredb', 'memory'];

export function openStores(env: NodeJS.ProcessEnv = process.env, dataDirOverride?: string): Stores {
  const connection = env['EVENTSTORE_CONNECTION_STRING'] || undefined;
  const kind = (env['EVENT_STORE'] || (connection ? 'eventstoredb' : 'sqlite')) as EventStoreKind;
  if (!KINDS.includes(kind)) throw new Error(`EVENT_STORE must be one of ${KINDS.join(', ')}, got "${kind}"`);
  if (kind === 'memory') {
    throw new Error('EVENT_STORE=memory lives inside the api process: there is no log for the cli to read');
  }
  const dataDir = resolve(dataDirOverride ?? (env['DATA_DIR'] || './data'));
  const events = createEventStore({
    kind,
    sqliteFile: resolve(env['SQLITE_FILE'] || resolve(dataDir, 'ltc.sqlite')),
    ...(connection === undefined ? {} : { connectionString: connection }),
  });
  let readModels: ReadModelStore | undefined;
  const file = readModelsFile(dataDir, kind);
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
