import { LIMITS } from '@ltc/workflow-kit';
import { claimed, given, registered, touched } from '../test/customer.fixtures';
import type { CustomerCommand } from './customer.commands';

const over = (max: number) => 'x'.repeat(max + 1);
const owned = [registered, claimed];

// The domain refuses what the HTTP DTOs refuse (a text over its limit, a malformed id), so the CLI and the process managers cannot store it.
describe('customer text limits and ids', () => {
  it.each<[string, CustomerCommand]>([
    ['owner', { type: 'TransferCustomer', data: { owner: 'rep b', ownedCount: 1, reason: 'r' } }],
    ['name', { type: 'RegisterCustomer', data: { name: over(LIMITS.customerName), segment: 'ordinary' } }],
    ['note', { type: 'ReleaseCustomer', data: { note: over(LIMITS.prose) } }],
    ['note', { type: 'ReturnCustomerToPublicPool', data: { reason: 'manager', note: over(LIMITS.prose) } }],
    [
      'reason',
      { type: 'TransferCustomer', data: { owner: 'rep-b', ownedCount: 1, reason: over(LIMITS.prose) } },
    ],
    ['reason', { type: 'ChangeCustomerSegment', data: { segment: 'strategic', reason: over(LIMITS.prose) } }],
    [
      'note',
      {
        type: 'RecordCustomerTouch',
        data: { channel: 'call', note: over(LIMITS.prose), touchedAt: touched.data.touchedAt },
      },
    ],
  ])('refuses %s over its limit (case %#)', (field, command) => {
    given(command.type === 'RegisterCustomer' ? [] : owned)
      .when(command)
      .thenInvalid(field);
  });

  it('takes a name of exactly the limit, as HTTP does', () => {
    const name = 'x'.repeat(LIMITS.customerName);
    given([])
      .when({ type: 'RegisterCustomer', data: { name, segment: 'ordinary' } })
      .then([{ type: 'CustomerRegistered', data: { name, segment: 'ordinary' } }]);
  });
});
