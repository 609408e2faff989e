import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { later } from './customer.time';

type Args = Readonly<{ context: CustomerContext; event: CustomerEvent }>;
type Update = (args: Args) => Partial<CustomerContext>;
type DataOf<T extends CustomerEvent['type']> = Extract<CustomerEvent, { type: T }>['data'];

// Each action reads only its own event type; anything else leaves the context as it is.
const on =
  <T extends CustomerEvent['type']>(
    type: T,
    update: (context: CustomerContext, data: DataOf<T>) => Partial<CustomerContext>,
  ): Update =>
  ({ context, event }) =>
    event.type === type ? update(context, event.data as DataOf<T>) : {};

/** The context updates of the customer machine, by event. */
export const customerUpdates = {
  register: on('CustomerRegistered', (_c, d) => ({ name: d.name, segment: d.segment })),
  claim: on('CustomerClaimed', (_c, d) => ({ owner: d.owner, ownedSince: d.claimedAt })),
  transfer: on('CustomerTransferred', (_c, d) => ({ owner: d.owner, ownedSince: d.transferredAt })),
  touch: on('CustomerTouchRecorded', (c, d) => ({ lastTouchAt: later(c.lastTouchAt, d.touchedAt) })),
  returnToPool: on('CustomerReturnedToPublicPool', (_c, d) => ({
    owner: null,
    ownedSince: null,
    cooldown: { previousOwner: d.previousOwner, until: d.cooldownUntil },
  })),
  changeSegment: on('CustomerSegmentChanged', (_c, d) => ({ segment: d.segment })),
} as const;
