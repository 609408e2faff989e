import { and, assign, setup } from 'xstate';
import { customerUpdates } from './customer.actions';
import { emptyCustomerContext, type CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { customerGuards } from './customer.guards';

const u = customerUpdates;

/**
 * Customer ownership (客户优先跟进机制): a customer sits in the public pool (公海池) or in exactly one
 * rep's private pool; idle, released or manager-returned customers go back to the public pool.
 */
export const customerMachine = setup({
  types: { context: {} as CustomerContext, events: {} as CustomerEvent },
  guards: {
    ...customerGuards,
    mayClaim: and(['poolHasRoom', 'cooldownOver']),
    mayTransfer: and(['ownerChanges', 'poolHasRoom']),
    mayReturn: and(['releasedByOwner', 'idleLongEnough']),
  },
  actions: {
    register: assign(u.register),
    claim: assign(u.claim),
    transfer: assign(u.transfer),
    touch: assign(u.touch),
    returnToPool: assign(u.returnToPool),
    changeSegment: assign(u.changeSegment),
  },
}).createMachine({
  id: 'customer',
  context: emptyCustomerContext,
  initial: 'none',
  states: {
    none: { on: { CustomerRegistered: { target: 'publicPool', actions: 'register' } } },
    publicPool: {
      on: {
        CustomerClaimed: { target: 'owned', guard: 'mayClaim', actions: 'claim' },
        CustomerTouchRecorded: { actions: 'touch' },
        CustomerSegmentChanged: { guard: 'segmentChanges', actions: 'changeSegment' },
      },
    },
    owned: {
      on: {
        CustomerTransferred: { guard: 'mayTransfer', actions: 'transfer' },
        CustomerTouchRecorded: { actions: 'touch' },
        CustomerReturnedToPublicPool: { target: 'publicPool', guard: 'mayReturn', actions: 'returnToPool' },
        CustomerSegmentChanged: { guard: 'segmentChanges', actions: 'changeSegment' },
      },
    },
  },
});
