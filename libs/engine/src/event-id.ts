import { createHash } from 'node:crypto';
import { canonicalJson } from '@ltc/workflow-kit';

/**
 * The id of the `index`-th event a command produced: a name-based (v5-style) UUID of the command id, so
 * a retried command yields the same ids and EventStoreDB deduplicates them too.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hash = createHash('sha1').update(`ltc-event:${commandId}:${index}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A stable digest of a command's type and data (and the business time it asked for, when it asked), so a
 * reused idempotency key with other content is caught. Without `occurredAt` the digest is what it was
 * before business time existed, so commands stored earlier still match their replays.
 */
export function commandHash(type: string, data: unknown, occurredAt?: string): string {
  const digest = createHash('sha256').update(type).update('\0').update(canonicalJson(data, 0));
  if (occurredAt !== undefined) digest.update('\0occurredAt:').update(occurredAt);
  return digest.digest('hex').slice(0, 32);
}

/**
 * A new entity id derived from the command id, so that retrying a creating command (same Idempotency-Key)
 * addresses the same stream instead of creating a second one.
 */
export function idFromCommand(commandId: string, purpose: string): string {
  return createHash('sha256').update(`ltc-id:${purpose}:${commandId}`).digest('hex').slice(0, 20);
}
