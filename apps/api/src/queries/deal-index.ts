import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { UpcasterRegistry } from '@ltc/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ltc/event-store';
import type { Subscription } from 'rxjs';
import { WorkflowRegistry } from '../engine/workflow-registry';

/** One stream's current state, kept for lists. */
export type IndexedStream = {
  kind: string;
  id: string;
  streamId: string;
  revision: number;
  state: unknown;
  updatedAt: string;
};

/**
 * The current state of every lead, customer, opportunity and contract, folded from a subscription to the
 * whole log (backlog, then live), for list queries. Single-stream reads go to the stream itself.
 */
@Injectable()
export class DealIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DealIndex');
  private readonly streams = new Map<string, IndexedStream>();
  private subscription: Subscription | undefined;
  private caughtUp = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: WorkflowRegistry,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const prefixes = this.registry.all().map((e) => `${e.streamId('')}`);
    this.subscription = this.store.subscribeAll({ filter: { streamPrefixes: prefixes } }).subscribe({
      next: (message) => {
        if (message.kind === 'caughtUp') this.caughtUp = true;
        else this.apply(message.event);
      },
      error: (error: unknown) => this.logger.error(`subscription failed: ${String(error)}`),
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  list(kind: string): IndexedStream[] {
    return [...this.streams.values()].filter((s) => s.kind === kind);
  }

  /** Customers `owner` holds in their private pool now, as far as the index has caught up. */
  ownedCustomers(owner: string): number {
    let count = 0;
    for (const s of this.streams.values()) {
      if (s.kind === 'customer' && (s.state as { context: { owner: string | null } }).context.owner === owner)
        count++;
    }
    return count;
  }

  /** True when the customer already has a contract (an existing rather than a new customer). */
  hasContracts(customerId: string): boolean {
    for (const s of this.streams.values()) {
      if (
        s.kind === 'contract' &&
        (s.state as { context: { customerId?: unknown } }).context.customerId === customerId
      ) {
        return true;
      }
    }
    return false;
  }

  private apply(event: StoredEvent): void {
    const entry = this.registry.all().find((e) => event.streamId.startsWith(e.streamId('')));
    if (entry === undefined) return;
    const known = this.streams.get(event.streamId);
    const workflow = entry.workflow;
    try {
      const { type, data } = this.upcasters.upcastStored(event);
      const upcast = { type, data };
      const previous = (known?.state ?? workflow.initialState()) as ReturnType<typeof workflow.initialState>;
      const state = workflow.evolve(previous, upcast);
      this.streams.set(event.streamId, {
        kind: entry.kind,
        id: event.streamId.slice(entry.streamId('').length),
        streamId: event.streamId,
        revision: event.revision,
        state,
        updatedAt: String(event.metadata.occurredAt ?? event.recordedAt),
      });
    } catch (error) {
      this.logger.error(`cannot fold ${event.type} into ${event.streamId}: ${String(error)}`);
    }
  }
}
