import { esdbClient } from './eventstoredb-client';

/** Delays between live-subscription reconnects: doubling from `initialDelayMs` up to `maxDelayMs`. */
export type ReconnectOptions = Readonly<{ initialDelayMs?: number; maxDelayMs?: number }>;

export class ReconnectBackoff {
  private readonly initial: number;
  private readonly max: number;
  private next: number;

  constructor(options: ReconnectOptions = {}) {
    this.initial = Math.max(1, options.initialDelayMs ?? 100);
    this.max = Math.max(this.initial, options.maxDelayMs ?? 5000);
    this.next = this.initial;
  }

  /** The delay to wait now; the one after doubles. */
  delay(): number {
    const delay = this.next;
    this.next = Math.min(this.max, this.next * 2);
    return delay;
  }

  /** A delivered event proves the connection works again. */
  reset(): void {
    this.next = this.initial;
  }
}

/** Errors a reconnect can outlive (node down, leader change, server-side cancel); others end the subscription. */
export function isTransient(error: unknown): boolean {
  const { UnavailableError, CancelledError, DeadlineExceededError, NotLeaderError, TimeoutError } =
    esdbClient();
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof TimeoutError
  );
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
