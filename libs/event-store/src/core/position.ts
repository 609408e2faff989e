declare const positionBrand: unique symbol;

/**
 * A place in the global log: a fixed-width string, so plain string order is log order. Opaque to callers,
 * safe to store and send; only meaningful to the kind of store that produced it.
 */
export type Position = string & { readonly [positionBrand]: true };

const WIDTH = 20;
const FORMAT = /^\d{20}(\/\d{20})?$/;

/** Orders two positions of the same store: negative, zero or positive. */
export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a stored checkpoint back into a Position, refusing anything no adapter could have produced. */
export function asPosition(value: string): Position {
  if (!FORMAT.test(value)) throw new RangeError(`not an event store position: "${value}"`);
  return value as Position;
}

export function padDigits(value: bigint | number): string {
  return String(value).padStart(WIDTH, '0');
}
