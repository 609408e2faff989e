import type { Position as EsdbPosition } from '@eventstore/db-client';
import { padDigits, type Position } from '../core/position';

/** Keeps both halves of an EventStoreDB position, commit first, so string order is log order. */
export function fromEsdbPosition(position: EsdbPosition): Position {
  return `${padDigits(position.commit)}/${padDigits(position.prepare)}` as Position;
}

export function toEsdbPosition(position: Position): EsdbPosition {
  const [commit, prepare] = position.split('/');
  if (commit === undefined || prepare === undefined) {
    throw new RangeError(`not an EventStoreDB position: "${position}"`);
  }
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}
