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

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, useFactory: (): EventStore => createEventStore(config) }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
