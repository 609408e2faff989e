import {
  at,
  claimed,
  given,
  registered,
  returnedIdle,
  segmentChanged,
  touched,
  transferred,
} from '../test/customer.fixtures';
import type { TransferCustomer } from './customer.commands';
import { defaultCustomerPolicy } from './customer.policy';

const owned = [registered, claimed];
const policy = defaultCustomerPolicy;

describe('customer pool', () => {
  describe('RegisterCustomer', () => {
    const register = {
      type: 'RegisterCustomer',
      data: { name: ' Huaxin Retail ', segment: 'ordinary' },
    } as const;

    it('registers a customer into the public pool', () => {
      expect(given([]).when(register).then([registered]).state.value).toBe('publicPool');
    });

    it('refuses to register the same customer twice', () => {
      given([registered]).when(register).thenRefuses('transitionNotAllowed');
    });

    it('rejects a blank name or an unknown segment', () => {
      given([])
        .when({ type: 'RegisterCustomer', data: { ...register.data, name: '' } })
        .thenInvalid('name');
      given([])
        .when({ type: 'RegisterCustomer', data: { ...register.data, segment: 'vip' } } as never)
        .thenInvalid('segment');
    });
  });

  describe('ClaimCustomer', () => {
    const claim = (ownedCount: number, owner?: string) =>
      ({
        type: 'ClaimCustomer',
        data: owner === undefined ? { ownedCount } : { ownedCount, owner },
      }) as const;

    it('claims a public customer for the actor, recording the pool size and capacity it was decided on', () => {
      const { state } = given([registered])
        .when(claim(49))
        .then([
          {
            type: 'CustomerClaimed',
            data: { owner: 'rep-a', ownedCount: 49, poolCapacity: 50, claimedAt: at },
          },
        ]);
      expect(state.value).toBe('owned');
      expect(state.context).toMatchObject({ owner: 'rep-a', ownedSince: at });
    });

    it('lets a manager claim on behalf of a rep', () => {
      given([registered])
        .when(claim(0, 'rep-c'), { actor: 'manager-1' })
        .then([
          {
            type: 'CustomerClaimed',
            data: { owner: 'rep-c', ownedCount: 0, poolCapacity: 50, claimedAt: at },
          },
        ]);
    });

    it('refuses a claim into a full private pool', () => {
      given([registered]).when(claim(50)).thenRefuses('poolHasRoom');
      given([registered])
        .when(claim(5), { policy: { ...policy, poolCapacity: 5 } })
        .thenRefuses('poolHasRoom');
    });

    it('keeps at most one owner: an owned customer cannot be claimed', () => {
      const refusal = given(owned).when(claim(0), { actor: 'rep-b' }).thenRefuses('transitionNotAllowed');
      expect(refusal.state).toBe('owned');
      expect(refusal.allowed).not.toContain('ClaimCustomer');
    });

    it('refuses the previous owner during the cooldown, and only them', () => {
      const returned = [...owned, touched, returnedIdle];
      given(returned).when(claim(3)).thenRefuses('cooldownOver');
      given(returned)
        .when(claim(3, 'rep-b'))
        .then([
          {
            type: 'CustomerClaimed',
            data: { owner: 'rep-b', ownedCount: 3, poolCapacity: 50, claimedAt: at },
          },
        ]);
      const after = returnedIdle.data.cooldownUntil;
      given(returned)
        .when(claim(3), { at: after })
        .then([
          {
            type: 'CustomerClaimed',
            data: { owner: 'rep-a', ownedCount: 3, poolCapacity: 50, claimedAt: after },
          },
        ]);
    });

    it('names the pool rule first when the pool is full and the cooldown runs', () => {
      given([...owned, returnedIdle])
        .when(claim(50))
        .thenRefuses('poolHasRoom');
    });

    it.each([[-1], [1.5], [undefined]])('rejects ownedCount %p', (ownedCount) => {
      given([registered])
        .when({ type: 'ClaimCustomer', data: { ownedCount } } as never)
        .thenInvalid('ownedCount');
    });
  });

  describe('TransferCustomer', () => {
    const transfer: TransferCustomer = {
      type: 'TransferCustomer',
      data: { owner: 'rep-b', ownedCount: 10, reason: transferred.data.reason },
    };

    it('moves an owned customer straight to another private pool', () => {
      const { state } = given(owned)
        .when(transfer, { at: transferred.data.transferredAt, actor: 'manager-1' })
        .then([transferred]);
      expect(state.context).toMatchObject({ owner: 'rep-b', ownedSince: transferred.data.transferredAt });
    });

    it('refuses a transfer to the current owner or into a full pool', () => {
      given(owned)
        .when({ ...transfer, data: { ...transfer.data, owner: 'rep-a' } })
        .thenRefuses('ownerChanges');
      given(owned)
        .when({ ...transfer, data: { ...transfer.data, ownedCount: 50 } })
        .thenRefuses('poolHasRoom');
    });

    it('refuses to transfer a public customer: it is claimed instead', () => {
      given([registered]).when(transfer).thenRefuses('transitionNotAllowed');
    });

    it('rejects a transfer without a reason', () => {
      given(owned)
        .when({ ...transfer, data: { ...transfer.data, reason: ' ' } })
        .thenInvalid('reason');
    });
  });

  describe('RecordCustomerTouch', () => {
    const touch = { type: 'RecordCustomerTouch', data: touched.data } as const;

    it.each([
      ['owned', owned],
      ['in the public pool', [registered]],
    ])('records a touch when %s, with who touched', (_where, events) => {
      const { state } = given(events).when(touch).then([touched]);
      expect(state.context.lastTouchAt).toBe(touched.data.touchedAt);
    });

    it('keeps the latest touch when an older one is recorded late', () => {
      const older = { ...touched.data, touchedAt: '2026-01-10T10:00:00.000Z' };
      const { state } = given([...owned, touched])
        .when({ type: 'RecordCustomerTouch', data: older })
        .then([{ type: 'CustomerTouchRecorded', data: older }]);
      expect(state.context.lastTouchAt).toBe(touched.data.touchedAt);
    });

    it('refuses a touch on a customer never registered', () => {
      given([]).when(touch).thenRefuses('transitionNotAllowed');
    });

    it.each([
      ['touchedAt', { ...touched.data, touchedAt: '2026-03-03T00:00:00.000Z' }],
      ['touchedAt', { ...touched.data, touchedAt: 'yesterday' }],
      ['channel', { ...touched.data, channel: 'fax' }],
      ['note', { ...touched.data, note: '' }],
    ])('rejects an invalid %s', (field, data) => {
      given(owned)
        .when({ type: 'RecordCustomerTouch', data } as never)
        .thenInvalid(field);
    });
  });

  describe('ReleaseCustomer', () => {
    it('lets the owner release to the public pool, with a cooldown computed from the command time', () => {
      const { state } = given(owned)
        .when({ type: 'ReleaseCustomer', data: { note: 'No budget this year' } })
        .then([
          {
            type: 'CustomerReturnedToPublicPool',
            data: {
              previousOwner: 'rep-a',
              reason: { kind: 'released', note: 'No budget this year' },
              by: 'rep-a',
              returnedAt: at,
              reclaimCooldownDays: 30,
              cooldownUntil: '2026-04-01T09:00:00.000Z',
            },
          },
        ]);
      expect(state.value).toBe('publicPool');
      expect(state.context).toMatchObject({
        owner: null,
        cooldown: { previousOwner: 'rep-a', until: '2026-04-01T09:00:00.000Z' },
      });
    });

    it('refuses a release by anyone but the owner', () => {
      given(owned)
        .when({ type: 'ReleaseCustomer', data: {} }, { actor: 'rep-b' })
        .thenRefuses('releasedByOwner');
    });

    it('refuses to release a public customer', () => {
      given([registered]).when({ type: 'ReleaseCustomer', data: {} }).thenRefuses('transitionNotAllowed');
    });
  });

  describe('ReturnCustomerToPublicPool', () => {
    const idle = { type: 'ReturnCustomerToPublicPool', data: { reason: 'idle' } } as const;

    it('returns a customer untouched for the idle period, recording the idle days and since when', () => {
      given([...owned, touched])
        .when(idle, { actor: 'sweep', policy: { ...policy, reclaimCooldownDays: 14 } })
        .then([
          {
            type: 'CustomerReturnedToPublicPool',
            data: {
              previousOwner: 'rep-a',
              reason: { kind: 'idle', idleDays: 30, idleSince: touched.data.touchedAt },
              by: 'sweep',
              returnedAt: at,
              reclaimCooldownDays: 14,
              cooldownUntil: '2026-03-16T09:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses an idle return for a customer touched within the idle period', () => {
      const recent = { ...touched, data: { ...touched.data, touchedAt: '2026-02-20T10:00:00.000Z' } };
      given([...owned, recent])
        .when(idle)
        .thenRefuses('idleLongEnough');
    });

    it('counts a change of owner as activity', () => {
      given([...owned, touched, transferred])
        .when(idle)
        .thenRefuses('idleLongEnough');
    });

    it('lets a manager return an owned customer with a note, whoever touched it last', () => {
      const decision = given([...owned, touched])
        .when({
          type: 'ReturnCustomerToPublicPool',
          data: { reason: 'manager', note: 'Conflict of interest' },
        })
        .then([
          {
            type: 'CustomerReturnedToPublicPool',
            data: {
              previousOwner: 'rep-a',
              reason: { kind: 'manager', note: 'Conflict of interest' },
              by: 'rep-a',
              returnedAt: at,
              reclaimCooldownDays: 30,
              cooldownUntil: '2026-04-01T09:00:00.000Z',
            },
          },
        ]);
      expect(decision.state.value).toBe('publicPool');
    });

    it('treats reason "released" like ReleaseCustomer', () => {
      given(owned)
        .when({ type: 'ReturnCustomerToPublicPool', data: { reason: 'released' } }, { actor: 'rep-b' })
        .thenRefuses('releasedByOwner');
    });

    it('rejects a manager return without a note and an unknown reason', () => {
      given(owned)
        .when({ type: 'ReturnCustomerToPublicPool', data: { reason: 'manager' } })
        .thenInvalid('note');
      given(owned)
        .when({ type: 'ReturnCustomerToPublicPool', data: { reason: 'bored' } } as never)
        .thenInvalid('reason');
    });

    it('refuses to return a customer already in the public pool', () => {
      given([...owned, returnedIdle])
        .when(idle)
        .thenRefuses('transitionNotAllowed');
    });
  });

  describe('ChangeCustomerSegment', () => {
    const change = { type: 'ChangeCustomerSegment', data: segmentChanged.data } as const;

    it.each([
      ['owned', owned],
      ['public', [registered]],
    ])('changes the segment of a %s customer', (_where, events) => {
      expect(given(events).when(change).then([segmentChanged]).state.context.segment).toBe('strategic');
    });

    it('refuses a change to the same segment', () => {
      given([registered, segmentChanged]).when(change).thenRefuses('segmentChanges');
    });

    it('rejects a change without a reason', () => {
      given(owned)
        .when({ type: 'ChangeCustomerSegment', data: { ...change.data, reason: '' } })
        .thenInvalid('reason');
    });
  });
});
