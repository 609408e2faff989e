import { padDigits, type Position } from './position';

/** Position of the n-th event (1-based) of a store that numbers its log, like SQLite's rowid. */
export function sequencePosition(sequence: number): Position {
  return padDigits(sequence) as Position;
}

export function sequenceOf(position: Position): number {
  const sequence = Number(position);
  if (!Number.isSafeInteger(sequence)) throw new RangeError(`not a sequence position: "${position}"`);
  return sequence;
}
