import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMetadata } from '@ltc/domain';
import type { Observable, Subscription } from 'rxjs';
import type { StoredEvent, SubscriptionMessage } from '../../src';

export const METADATA: EventMetadata = {
  actor: 'user-ada',
  actorRoles: ['rep'],
  commandId: '00000000-0000-4000-8000-000000000001',
  correlationId: '00000000-0000-4000-8000-000000000002',
  causationId: null,
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion: 1,
  machine: 'contract@1',
};

/** A fresh event; `data` defaults to a small order-like payload. */
export function anEvent(
  type = 'ThingHappened',
  data: object = { amountMinor: 1250, currency: 'EUR' },
): EventEnvelope {
  return { id: randomUUID(), type, data, metadata: METADATA };
}

export function events(count: number, type = 'ThingHappened'): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) => anEvent(type, { n: i }));
}

/** A prefix no other test shares, so tests can run against one long-lived store and filter by it. */
export function uniquePrefix(): string {
  return `ct${randomUUID().slice(0, 8)}-`;
}

export function uniqueStream(): string {
  return `${uniquePrefix()}stream`;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export function idsOf(stored: readonly { id: string }[]): string[] {
  return stored.map((event) => event.id);
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Records what a subscription emits so a test can wait for a condition and then look at everything. */
export class Recorder {
  readonly messages: SubscriptionMessage[] = [];
  failure: unknown;
  private readonly subscription: Subscription;

  constructor(observable: Observable<SubscriptionMessage>, onEvent?: (event: StoredEvent) => void) {
    this.subscription = observable.subscribe({
      next: (message) => {
        this.messages.push(message);
        if (message.kind === 'event') onEvent?.(message.event);
      },
      error: (error: unknown) => (this.failure = error),
    });
  }

  get events(): StoredEvent[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
  }

  get caughtUpAt(): number {
    return this.messages.findIndex((m) => m.kind === 'caughtUp');
  }

  async until(done: (recorder: Recorder) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.failure !== undefined)
        throw this.failure instanceof Error
          ? this.failure
          : new Error('subscription failed', { cause: this.failure });
      if (Date.now() > deadline) {
        throw new Error(
          `subscription timed out with ${this.messages.length} messages: ${JSON.stringify(this.summary())}`,
        );
      }
      await pause(5);
    }
  }

  stop(): void {
    this.subscription.unsubscribe();
  }

  private summary(): string[] {
    return this.messages.map((m) =>
      m.kind === 'event' ? `${m.event.streamId}@${m.event.revision}` : 'caughtUp',
    );
  }
}
