import type { Clock } from '@ltc/engine';

/**
 * The demo's "now": it moves only when the calendar moves it, never backwards. The command pipeline
 * (knowledge time, and business time when a command names none) and the event store read it.
 */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): string {
    return new Date(this.current).toISOString();
  }

  /** The store's clock (`() => Date`). */
  readonly date = (): Date => new Date(this.current);

  get ms(): number {
    return this.current;
  }

  moveTo(instant: number): void {
    if (instant < this.current) {
      throw new Error(
        `the simulated clock cannot go back from ${this.now()} to ${new Date(instant).toISOString()}`,
      );
    }
    this.current = instant;
  }
}
