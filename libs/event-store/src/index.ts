export * from './event-store.port';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export { comparePositions, asPosition, type Position } from './core/position';
export { sequencePosition, isSequencePosition } from './core/sequence-position';
export {
  EventStoreError,
  ConcurrencyError,
  StreamNotFoundError,
  InvalidEventError,
  DuplicateEventIdError,
  StreamHeadMismatchError,
} from './core/event-store.errors';
export { MemoryEventStore, type MemoryEventStoreOptions } from './memory/memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { MIGRATIONS, type Migration } from './sqlite/sqlite-migrations';
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';
