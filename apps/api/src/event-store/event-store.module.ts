import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import type { AppConfig } from '../config';
import { createEventStore } from './create-event-store';

/**
 * Provides the configured event store under `EVENT_STORE` to every module, and closes it after all of
 * them have stopped (consumers unsubscribe in onModuleDestroy, which Nest runs first).
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `open`: builds the store instead of the configuration's adapter (the demo's store on a simulated clock). */
  static forRoot(config: AppConfig, open: () => EventStore = () => createEventStore(config)): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, useFactory: open }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
