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

/** True for a position of a store that numbers its log (SQLite, memory); EventStoreDB's are not. */
export function isSequencePosition(position: string): boolean {
  return /^\d{20}$/.test(position);
}
