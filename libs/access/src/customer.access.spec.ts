import type { CustomerCommand } from '@ltc/workflow-customer';
import { customerAccess, type CustomerFacts } from './customer.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const command = (type: CustomerCommand['type'], data: object = {}) => ({ type, data }) as CustomerCommand;
const given = accessSpec(customerAccess, org);
const pool: CustomerFacts = { owner: null };
const ownedBy = (owner: string): CustomerFacts => ({ owner });

describe('customer access', () => {
  it('lets anyone register a customer', () => {
    given({ state: pool }).when(as('cat'), command('RegisterCustomer')).thenAllowed();
  });

  describe('ClaimCustomer', () => {
    it('lets a rep claim for themself', () => {
      given({ state: pool })
        .when(as('ann'), command('ClaimCustomer', { ownedCount: 0 }))
        .thenAllowed();
      given({ state: pool })
        .when(as('ann'), command('ClaimCustomer', { ownedCount: 0, owner: 'ann' }))
        .thenAllowed();
    });

    it('lets only a manager claim for someone else, and only for a known user', () => {
      const forBob = command('ClaimCustomer', { ownedCount: 0, owner: 'bob' });
      given({ state: pool }).when(as('ann'), forBob).thenRefused('managersOnly');
      given({ state: pool }).when(as('mia'), forBob).thenAllowed();
      given({ state: pool })
        .when(as('mia'), command('ClaimCustomer', { ownedCount: 0, owner: 'zed' }))
        .thenInvalid('owner');
    });
  });

  it('lets only managers transfer, and only to a known user', () => {
    given({ state: ownedBy('ann') })
      .when(as('ann'), command('TransferCustomer', { owner: 'bob' }))
      .thenRefused('managersOnly');
    given({ state: ownedBy('ann') })
      .when(as('sam'), command('TransferCustomer', { owner: 'bob' }))
      .thenAllowed();
    given({ state: ownedBy('ann') })
      .when(as('sam'), command('TransferCustomer', { owner: 'zed' }))
      .thenInvalid('owner');
  });

  it('lets only managers (and the idle sweep) return a customer or change its segment', () => {
    for (const type of ['ReturnCustomerToPublicPool', 'ChangeCustomerSegment'] as const) {
      given({ state: ownedBy('ann') })
        .when(as('ann'), command(type))
        .thenRefused('managersOnly');
      given({ state: ownedBy('ann') })
        .when(as('olga'), command(type))
        .thenRefused('managersOnly');
      given({ state: ownedBy('ann') })
        .when(as('mia'), command(type))
        .thenAllowed();
      given({ state: ownedBy('ann') })
        .when(system, command(type))
        .thenAllowed();
    }
  });

  it('lets the owner and their manager touch or release, refusing anyone else by who owns it', () => {
    for (const type of ['RecordCustomerTouch', 'ReleaseCustomer'] as const) {
      given({ state: ownedBy('ann') })
        .when(as('ann'), command(type))
        .thenAllowed();
      given({ state: ownedBy('ann') })
        .when(as('mia'), command(type))
        .thenAllowed();
      given({ state: ownedBy('ann') })
        .when(as('ada'), command(type))
        .thenAllowed();
      given({ state: ownedBy('ann') })
        .when(as('sam'), command(type))
        .thenRefused('customerOwnedByAnother');
      given({ state: pool }).when(as('ann'), command(type)).thenRefused('customerNotClaimed');
    }
  });
});
