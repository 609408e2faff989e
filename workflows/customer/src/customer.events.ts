import type { Event } from '@ltc/domain';
import type { CustomerSegment, CustomerTouchChannel, ReturnReason } from './customer.values';

/** A new customer starts in the public pool (公海池). */
export type CustomerRegistered = Event<'CustomerRegistered', { name: string; segment: CustomerSegment }>;
/**
 * `ownedCount` (the claimant's pool size, a fact from other streams) and `poolCapacity` (policy) are
 * the facts the pool-size rule was decided on, kept so replay explains the decision.
 */
export type CustomerClaimed = Event<
  'CustomerClaimed',
  { owner: string; ownedCount: number; poolCapacity: number; claimedAt: string }
>;
/** A manager moves the customer straight from one private pool to another (a rep leaves, territories change). */
export type CustomerTransferred = Event<
  'CustomerTransferred',
  {
    owner: string;
    previousOwner: string;
    ownedCount: number;
    poolCapacity: number;
    reason: string;
    transferredAt: string;
  }
>;
export type CustomerTouchRecorded = Event<
  'CustomerTouchRecorded',
  { channel: CustomerTouchChannel; note: string; touchedAt: string; by: string }
>;
/** Back to the public pool; `cooldownUntil` was computed when decided, so replay never computes time. */
export type CustomerReturnedToPublicPool = Event<
  'CustomerReturnedToPublicPool',
  {
    previousOwner: string;
    reason: ReturnReason;
    by: string;
    returnedAt: string;
    reclaimCooldownDays: number;
    cooldownUntil: string;
  }
>;
export type CustomerSegmentChanged = Event<
  'CustomerSegmentChanged',
  { segment: CustomerSegment; reason: string }
>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerClaimed
  | CustomerTransferred
  | CustomerTouchRecorded
  | CustomerReturnedToPublicPool
  | CustomerSegmentChanged;

export const CUSTOMER_EVENT_TYPES = [
  'CustomerRegistered',
  'CustomerClaimed',
  'CustomerTransferred',
  'CustomerTouchRecorded',
  'CustomerReturnedToPublicPool',
  'CustomerSegmentChanged',
] as const satisfies readonly CustomerEvent['type'][];
