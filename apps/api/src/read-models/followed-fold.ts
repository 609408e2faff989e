import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, StoredEvent } from '@ltc/event-store';
import { historyEventOf, type HistoryEvent } from '@ltc/read-models';
import type { Subscription } from 'rxjs';

/**
 * A pure fold of some streams of the log (the incentive ledger, the forecast facts), kept in memory from
 * a subscription under `prefixes` (catch-up, then live), each event upcast and applied once. `folded()`
 * resolves once the backlog is read.
 */
export abstract class FollowedFold<
  F extends { apply(event: HistoryEvent, stored: StoredEvent): void },
> implements OnModuleDestroy {
  private readonly logger: Logger;
  private subscription: Subscription | undefined;
  private started: Promise<void> | undefined;

  protected constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly prefixes: readonly string[],
    protected readonly folder: F,
    name: string,
  ) {
    this.logger = new Logger(name);
  }

  /** Reads the backlog and follows new events; resolves once caught up. */
  start(): Promise<void> {
    this.started ??= new Promise((caughtUp, failed) => {
      const seen = new Set<string>();
      let ready = false;
      this.subscription = this.store.subscribeAll({ filter: { streamPrefixes: this.prefixes } }).subscribe({
        next: (message) => {
          if (message.kind === 'event') {
            if (seen.has(message.event.id)) return;
            seen.add(message.event.id);
            this.folder.apply(historyEventOf(message.event, this.upcasters), message.event);
          } else if (!ready) {
            ready = true;
            caughtUp();
          }
        },
        error: (error: unknown) => {
          this.logger.error(`subscription ended: ${String(error)}`);
          if (!ready) failed(error instanceof Error ? error : new Error(String(error)));
        },
      });
    });
    return this.started;
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The folder after every event delivered so far. */
  protected async folded(): Promise<F> {
    await this.start();
    return this.folder;
  }
}
