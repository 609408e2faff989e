import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { daysBetween, later } from './customer.time';

type GuardArgs = Readonly<{ context: CustomerContext; event: CustomerEvent }>;

/** When the current owner last showed activity: the latest touch, or taking the customer over. */
export const lastActivityAt = (context: CustomerContext): string | null =>
  later(context.lastTouchAt, context.ownedSince);

/** Pure guard predicates of the customer machine, by name; the rule texts live in `customerRefusalTexts`. */
export const customerGuards = {
  poolHasRoom: ({ event }: GuardArgs): boolean =>
    (event.type === 'CustomerClaimed' || event.type === 'CustomerTransferred') &&
    event.data.ownedCount < event.data.poolCapacity,
  cooldownOver: ({ context, event }: GuardArgs): boolean =>
    event.type === 'CustomerClaimed' &&
    (context.cooldown === null ||
      context.cooldown.previousOwner !== event.data.owner ||
      Date.parse(event.data.claimedAt) >= Date.parse(context.cooldown.until)),
  ownerChanges: ({ context, event }: GuardArgs): boolean =>
    event.type === 'CustomerTransferred' && event.data.owner !== context.owner,
  releasedByOwner: ({ context, event }: GuardArgs): boolean =>
    event.type === 'CustomerReturnedToPublicPool' &&
    (event.data.reason.kind !== 'released' || event.data.by === context.owner),
  idleLongEnough: ({ context, event }: GuardArgs): boolean => {
    if (event.type !== 'CustomerReturnedToPublicPool') return false;
    const { reason, returnedAt } = event.data;
    const since = lastActivityAt(context);
    return reason.kind !== 'idle' || (since !== null && daysBetween(since, returnedAt) >= reason.idleDays);
  },
  segmentChanges: ({ context, event }: GuardArgs): boolean =>
    event.type === 'CustomerSegmentChanged' && event.data.segment !== context.segment,
} as const;

/** Why each guard refuses, in words a sales rep understands. */
export const customerRefusalTexts: Readonly<Record<string, string>> = {
  poolHasRoom: 'the private pool is full: release a customer before taking another',
  cooldownOver:
    'a customer returned to the public pool cannot be reclaimed by its previous owner during the cooldown',
  ownerChanges: 'the customer already belongs to that owner',
  releasedByOwner: 'only the owner releases a customer; others ask a manager to return it',
  idleLongEnough: 'the customer has been touched within the idle period, so it is not idle',
  segmentChanges: 'the customer is already in that segment',
};
