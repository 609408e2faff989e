import type { Command } from '@ltc/domain';
import type { CustomerSegment, CustomerTouchChannel, ReturnReasonKind } from './customer.values';

export type RegisterCustomer = Command<'RegisterCustomer', { name: string; segment: CustomerSegment }>;
/**
 * `ownedCount`: how many customers the new owner holds now, counted by the engine across streams.
 * `owner` defaults to the actor (a rep claiming for themself); a manager may name a rep.
 */
export type ClaimCustomer = Command<'ClaimCustomer', { ownedCount: number; owner?: string }>;
export type TransferCustomer = Command<
  'TransferCustomer',
  { owner: string; ownedCount: number; reason: string }
>;
export type RecordCustomerTouch = Command<
  'RecordCustomerTouch',
  { channel: CustomerTouchChannel; note: string; touchedAt: string }
>;
/** The owner lets the customer go to the public pool. */
export type ReleaseCustomer = Command<'ReleaseCustomer', { note?: string }>;
/** The idle sweep (`idle`) or a manager (`manager`, with a note) takes the customer back. */
export type ReturnCustomerToPublicPool = Command<
  'ReturnCustomerToPublicPool',
  { reason: ReturnReasonKind; note?: string }
>;
export type ChangeCustomerSegment = Command<
  'ChangeCustomerSegment',
  { segment: CustomerSegment; reason: string }
>;

export type CustomerCommand =
  | RegisterCustomer
  | ClaimCustomer
  | TransferCustomer
  | RecordCustomerTouch
  | ReleaseCustomer
  | ReturnCustomerToPublicPool
  | ChangeCustomerSegment;
