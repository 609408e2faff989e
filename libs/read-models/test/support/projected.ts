import { MemoryEventStore, type EventStore } from '@ltc/event-store';
import {
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  type AnyProjection,
  type OpenReadModel,
  type Projection,
} from '@ltc/projections';
import type { History } from './history';

/** Runs projections live over a worked example and returns their read models, caught up. */
export async function projected(history: History, projections: readonly AnyProjection[]) {
  const store: EventStore = new MemoryEventStore();
  await history.into(store);
  const readModels = new ReadModelStore({ file: ':memory:' });
  const runner = new ProjectionRunner({ store, readModels, projections });
  await runner.start();
  await runner.catchUp();
  return {
    store,
    readModels,
    runner,
    model: <T extends string>(projection: Projection<T, unknown>): OpenReadModel<T> =>
      openReadModel(readModels, projection),
    close: async () => {
      await runner.stop();
      readModels.close();
      await store.close();
    },
  };
}
