import { deciderSpec } from '@ltc/workflow-kit';
import type {
  CustomerClaimed,
  CustomerRegistered,
  CustomerReturnedToPublicPool,
  CustomerSegmentChanged,
  CustomerTouchRecorded,
  CustomerTransferred,
} from '../src/customer.events';
import { defaultCustomerPolicy } from '../src/customer.policy';
import { customerWorkflow } from '../src/customer.workflow';

export const at = '2026-03-02T09:00:00.000Z';
export const given = deciderSpec(customerWorkflow, { at, actor: 'rep-a', policy: defaultCustomerPolicy });

export const registered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: { name: 'Huaxin Retail', segment: 'ordinary' },
};
export const claimed: CustomerClaimed = {
  type: 'CustomerClaimed',
  data: { owner: 'rep-a', ownedCount: 3, poolCapacity: 50, claimedAt: '2026-01-05T09:00:00.000Z' },
};
export const touched: CustomerTouchRecorded = {
  type: 'CustomerTouchRecorded',
  data: {
    channel: 'call',
    note: 'Asked about the Q2 roll-out',
    touchedAt: '2026-01-20T10:00:00.000Z',
    by: 'rep-a',
  },
};
export const returnedIdle: CustomerReturnedToPublicPool = {
  type: 'CustomerReturnedToPublicPool',
  data: {
    previousOwner: 'rep-a',
    reason: { kind: 'idle', idleDays: 30, idleSince: '2026-01-20T10:00:00.000Z' },
    by: 'sweep',
    returnedAt: '2026-02-25T00:00:00.000Z',
    reclaimCooldownDays: 30,
    cooldownUntil: '2026-03-27T00:00:00.000Z',
  },
};
export const transferred: CustomerTransferred = {
  type: 'CustomerTransferred',
  data: {
    owner: 'rep-b',
    previousOwner: 'rep-a',
    ownedCount: 10,
    poolCapacity: 50,
    reason: 'rep-a moved to another region',
    transferredAt: '2026-02-01T09:00:00.000Z',
  },
};
export const segmentChanged: CustomerSegmentChanged = {
  type: 'CustomerSegmentChanged',
  data: { segment: 'strategic', reason: 'Named a key account for 2026' },
};
