import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { UpcasterRegistry } from '@ltc/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ltc/event-store';
import {
  historyEventOf,
  INCENTIVE_STREAM_PREFIXES,
  LedgerFolder,
  type IncentiveLedger,
} from '@ltc/read-models';
import type { Subscription } from 'rxjs';

/**
 * The incentive ledger as the log holds it, folded from a subscription to the deal, plan and period
 * streams (catch-up, then live). Statements are computed from it on request by the pure calculator of
 * `@ltc/read-models`; a closed period's statement is a function of the log before its close, so it is
 * the same bytes however often it is asked for.
 */
@Injectable()
export class IncentiveStatementsService implements OnModuleDestroy {
  private readonly logger = new Logger('IncentiveStatements');
  private readonly folder = new LedgerFolder();
  private readonly seen = new Set<string>();
  private subscription: Subscription | undefined;
  private started: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  /** Reads the backlog and follows new events; resolves once caught up. */
  start(): Promise<void> {
    this.started ??= new Promise((caughtUp, failed) => {
      let ready = false;
      this.subscription = this.store
        .subscribeAll({ filter: { streamPrefixes: INCENTIVE_STREAM_PREFIXES } })
        .subscribe({
          next: (message) => {
            if (message.kind === 'event') this.feed(message.event);
            else if (!ready) {
              ready = true;
              caughtUp();
            }
          },
          error: (error: unknown) => {
            this.logger.error(`incentive subscription ended: ${String(error)}`);
            if (!ready) failed(error instanceof Error ? error : new Error(String(error)));
          },
        });
    });
    return this.started;
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The ledger after every event delivered so far. */
  async ledger(): Promise<IncentiveLedger> {
    await this.start();
    return this.folder.ledger;
  }

  private feed(stored: StoredEvent): void {
    if (this.seen.has(stored.id)) return;
    this.seen.add(stored.id);
    this.folder.apply(historyEventOf(stored, this.upcasters));
  }
}
