import { ServiceUnavailableException } from '@nestjs/common';
import type { EventStore } from '@ltc/event-store';
import { logTruncations } from '@ltc/projections';
import type { ProcessManagers } from '../process-managers/process-managers.service';
import type { ReadModels } from '../read-models/read-models.service';
import type { Health, ProjectionsHealth, StoreHealth } from './health.dtos';

/**
 * The store's head and subscriptions, the read models' lag and the process managers' dead letters:
 * 503 when the store does not answer.
 */
export async function healthReport(
  store: EventStore,
  readModels?: ReadModels,
  processManagers?: ProcessManagers,
): Promise<Health> {
  let position: string | null;
  try {
    position = await store.headPosition();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ServiceUnavailableException(`event store (${store.kind}) did not answer: ${reason}`);
  }
  const subscriptions = store.subscriptionHealth?.();
  const storeHealth: StoreHealth = { kind: store.kind, configured: true, position };
  if (subscriptions !== undefined) storeHealth.subscriptions = [...subscriptions];
  return {
    status: 'ok',
    store: storeHealth,
    ...(readModels === undefined ? {} : { projections: await projectionsHealth(readModels) }),
    ...(processManagers === undefined ? {} : { processManagers: processManagers.stats }),
  };
}

async function projectionsHealth(readModels: ReadModels): Promise<ProjectionsHealth> {
  const generations = await readModels.status();
  const serving = generations.filter((g) => g.status === 'serving');
  const lags = serving.map((g) => g.lag);
  return {
    caughtUp: serving.length > 0 && serving.every((g) => g.caughtUp),
    lag: lags.includes(null) ? null : Math.max(0, ...(lags as number[])),
    generations: [...generations],
    truncations: logTruncations(readModels.store.db),
  };
}
