import { as, org, system } from './testing/org.fixture';
import { customerFact, worksCustomer } from './works-customer';

const owned = (owner: string | null) => customerFact('acme', owner);

describe('worksCustomer: A follows, B may not', () => {
  it('lets the owner and the owner’s manager work the customer', () => {
    expect(worksCustomer(as('ann'), org, 'acme', owned('ann'))).toEqual({ kind: 'allowed' });
    expect(worksCustomer(as('mia'), org, 'acme', owned('ann'))).toEqual({ kind: 'allowed' });
  });

  it('refuses a teammate, another team’s manager and ops, naming the owner', () => {
    for (const id of ['bob', 'sam', 'olga']) {
      expect(worksCustomer(as(id), org, 'acme', owned('ann'))).toEqual({
        kind: 'refused',
        rule: 'customerOwnedByAnother',
        reason: 'customer acme is followed by ann: only ann or their manager may work it',
      });
    }
  });

  it('lets admins and the system work any customer', () => {
    expect(worksCustomer(as('ada'), org, 'acme', owned('ann')).kind).toBe('allowed');
    expect(worksCustomer(system, org, 'acme', owned(null)).kind).toBe('allowed');
  });

  it('refuses work on a public-pool customer until it is claimed, unless unowned work is allowed', () => {
    expect(worksCustomer(as('ann'), org, 'acme', owned(null))).toMatchObject({
      rule: 'customerNotClaimed',
      reason: 'customer acme is in the public pool: claim it before working its leads and deals',
    });
    expect(worksCustomer(as('ann'), org, 'acme', owned(null), { allowUnowned: true }).kind).toBe('allowed');
  });

  it('answers a customer that was never registered as invalid input, even for an admin', () => {
    expect(worksCustomer(as('ada'), org, 'acme', customerFact('acme', undefined))).toEqual({
      kind: 'invalid',
      command: 'command',
      field: 'customerId',
      reason: 'no customer "acme"; register it first',
    });
  });

  it('asks for the customer only when no one in alsoAllowed speaks for the actor', () => {
    expect(worksCustomer(as('ann'), org, 'acme', undefined)).toEqual({
      kind: 'needsCustomer',
      customerId: 'acme',
    });
    expect(worksCustomer(as('bob'), org, 'acme', undefined, { alsoAllowed: [null, 'bob'] }).kind).toBe(
      'allowed',
    );
    expect(worksCustomer(as('mia'), org, 'acme', undefined, { alsoAllowed: ['bob'] }).kind).toBe('allowed');
    expect(worksCustomer(as('sam'), org, 'acme', undefined, { alsoAllowed: ['bob'] }).kind).toBe(
      'needsCustomer',
    );
  });

  it('asks again when the fact it holds is for another customer', () => {
    expect(worksCustomer(as('ann'), org, 'acme', customerFact('globex', 'ann'))).toEqual({
      kind: 'needsCustomer',
      customerId: 'acme',
    });
  });
});
