import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore, EventStoreKind } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { MemoryEventStore } from './memory/memory-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** Which adapter to open and where: what the api and the cli read from the same environment. */
export type EventStoreConfig = Readonly<{
  kind: EventStoreKind;
  /** The SQLite file (its folder is created); required for `sqlite`. */
  sqliteFile?: string;
  /** `esdb://host:2113?tls=false`; required for `eventstoredb`. */
  connectionString?: string;
}>;

/** Opens the configured adapter: the one place outside tests that knows adapters exist. */
export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite':
      if (!config.sqliteFile) throw new Error('the sqlite event store needs a file');
      mkdirSync(dirname(config.sqliteFile), { recursive: true });
      return new SqliteEventStore({ file: config.sqliteFile });
    case 'eventstoredb':
      if (!config.connectionString) {
        throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
      }
      return new EventStoreDbEventStore({ connectionString: config.connectionString });
    default: {
      const unknown: never = config.kind;
      throw new Error(`unknown event store "${String(unknown)}"`);
    }
  }
}
