import { transitionCoverage } from '@ltc/workflow-kit';
import {
  claimed,
  registered,
  returnedIdle,
  segmentChanged,
  touched,
  transferred,
} from '../test/customer.fixtures';
import { customerWorkflow } from './customer.workflow';

const owned = [registered, claimed];
const returned = (reason: typeof returnedIdle.data.reason, by = 'manager-1') =>
  ({ type: 'CustomerReturnedToPublicPool', data: { ...returnedIdle.data, reason, by } }) as const;

const coverage = transitionCoverage(customerWorkflow, {
  reach: {
    none: [],
    publicPool: [registered],
    'publicPool (after a return, in cooldown)': [...owned, touched, returnedIdle],
    owned,
    'owned (touched recently)': [
      ...owned,
      { ...touched, data: { ...touched.data, touchedAt: '2026-02-20T10:00:00.000Z' } },
    ],
  },
  samples: {
    CustomerRegistered: registered,
    CustomerClaimed: claimed,
    'CustomerClaimed (pool full)': { type: 'CustomerClaimed', data: { ...claimed.data, ownedCount: 50 } },
    'CustomerClaimed (by a rep in the cooldown)': {
      type: 'CustomerClaimed',
      data: { ...claimed.data, claimedAt: '2026-03-01T00:00:00.000Z' },
    },
    CustomerTransferred: transferred,
    'CustomerTransferred (to the owner)': {
      type: 'CustomerTransferred',
      data: { ...transferred.data, owner: 'rep-a' },
    },
    CustomerTouchRecorded: touched,
    CustomerReturnedToPublicPool: returnedIdle,
    'CustomerReturnedToPublicPool (by a manager)': returned({ kind: 'manager', note: 'Reorganisation' }),
    'CustomerReturnedToPublicPool (released by a non-owner)': returned(
      { kind: 'released', note: null },
      'rep-b',
    ),
    CustomerSegmentChanged: segmentChanged,
    'CustomerSegmentChanged (same segment)': {
      type: 'CustomerSegmentChanged',
      data: { ...segmentChanged.data, segment: 'ordinary' },
    },
  },
  accepts: {
    none: ['CustomerRegistered'],
    // The cooldown sample claims for rep-a before the fixture's cooldown ends: fine while nobody returned it.
    publicPool: [
      'CustomerClaimed',
      'CustomerClaimed (by a rep in the cooldown)',
      'CustomerTouchRecorded',
      'CustomerSegmentChanged',
    ],
    'publicPool (after a return, in cooldown)': ['CustomerTouchRecorded', 'CustomerSegmentChanged'],
    owned: [
      'CustomerTransferred',
      'CustomerTouchRecorded',
      'CustomerReturnedToPublicPool',
      'CustomerReturnedToPublicPool (by a manager)',
      'CustomerSegmentChanged',
    ],
    'owned (touched recently)': [
      'CustomerTransferred',
      'CustomerTouchRecorded',
      'CustomerReturnedToPublicPool (by a manager)',
      'CustomerSegmentChanged',
    ],
  },
});

describe('customer transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
