import type { CustomerSegment } from './customer.values';

/** What the customer stream knows, rebuilt from its events alone. */
export type CustomerContext = Readonly<{
  name: string | null;
  segment: CustomerSegment | null;
  owner: string | null;
  /** When the current owner got the customer: the idle clock starts here at the latest. */
  ownedSince: string | null;
  lastTouchAt: string | null;
  /** The previous owner may not reclaim before `until`. */
  cooldown: Readonly<{ previousOwner: string; until: string }> | null;
}>;

export const emptyCustomerContext: CustomerContext = {
  name: null,
  segment: null,
  owner: null,
  ownedSince: null,
  lastTouchAt: null,
  cooldown: null,
};
