/** Where commands get their `occurredAt`: the real clock in the app, a fixed one in tests. */
export interface Clock {
  /** The current instant as ISO-8601. */
  now(): string;
}

export const CLOCK = Symbol.for('ltc.Clock');

export class SystemClock implements Clock {
  now(): string {
    return new Date().toISOString();
  }
}

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: string) {
    this.current = Date.parse(start);
    if (Number.isNaN(this.current)) throw new Error(`FixedClock: "${start}" is not an ISO-8601 instant`);
  }

  now(): string {
    return new Date(this.current).toISOString();
  }

  set(instant: string): void {
    this.current = Date.parse(instant);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
