import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { InvalidEventError } from './event-store.errors';

/** Refuses read options no adapter could honour the same way. */
export function checkReadOptions(options: ReadStreamOptions & ReadAllOptions): void {
  const { from, maxCount, direction } = options;
  if (from !== undefined && !(Number.isSafeInteger(from) && from >= 0)) {
    throw new InvalidEventError('from', `must be a revision (an integer >= 0), got ${String(from)}`);
  }
  if (maxCount !== undefined && !(Number.isSafeInteger(maxCount) && maxCount >= 0)) {
    throw new InvalidEventError('maxCount', `must be an integer >= 0, got ${String(maxCount)}`);
  }
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidEventError('direction', `must be forwards or backwards, got ${String(direction)}`);
  }
}

/** Validates an expectation before it reaches a store. */
export function checkExpected(expected: unknown): void {
  const named = expected === 'noStream' || expected === 'streamExists' || expected === 'any';
  if (!named && !(typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)) {
    throw new InvalidEventError(
      'expected',
      `must be a revision >= 0, noStream, streamExists or any, got ${String(expected)}`,
    );
  }
}
