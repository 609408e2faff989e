import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { UpcasterRegistry } from '@ltc/domain';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import {
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  readModelsFile,
  type OpenReadModel,
  type Projection,
  type ProjectionStatus,
  type ProjectionUpdate,
} from '@ltc/projections';
import { ALL_PROJECTIONS } from '@ltc/read-models';
import type { Observable } from 'rxjs';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';

/**
 * The live read models: their SQLite file beside the data and the runner that keeps them current. The
 * runner stops before the event store closes (module destroy runs before application shutdown).
 */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReadModels');
  readonly store: ReadModelStore;
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) readonly events: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    readonly upcasters: UpcasterRegistry,
  ) {
    this.store = new ReadModelStore({ file: readModelsFile(config.dataDir, config.eventStore) });
    this.runner = new ProjectionRunner({
      store: events,
      readModels: this.store,
      projections: ALL_PROJECTIONS,
      upcasters,
      label: 'api',
      logger: {
        log: (m) => this.logger.log(m),
        warn: (m) => this.logger.warn(m),
        error: (m) => this.logger.error(m),
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    this.store.close();
  }

  live<T extends string>(projection: Projection<T, unknown>): OpenReadModel<T> {
    return openReadModel(this.store, projection);
  }

  status(): Promise<ProjectionStatus[]> {
    return this.runner.status();
  }

  get updates(): Observable<ProjectionUpdate> {
    return this.runner.updates;
  }
}
