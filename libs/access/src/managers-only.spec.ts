import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import { as, org, system } from './testing/org.fixture';

describe('managersOnly', () => {
  it('lets managers, admins and the system through', () => {
    for (const actor of [as('mia'), as('sam'), as('ada'), system]) {
      expect(managersOnly(actor, 'assign leads')).toEqual({ kind: 'allowed' });
    }
  });

  it('refuses reps and ops, saying what only a manager may do', () => {
    for (const id of ['ann', 'olga']) {
      expect(managersOnly(as(id), 'assign leads')).toEqual({
        kind: 'refused',
        rule: 'managersOnly',
        reason: 'only a manager may assign leads',
      });
    }
  });
});

describe('knownUser', () => {
  it('accepts a person of the directory and names the field of anyone else', () => {
    expect(knownUser(org, 'AssignLead', 'owner', 'bob')).toEqual({ kind: 'allowed' });
    expect(knownUser(org, 'AssignLead', 'owner', 'zed')).toEqual({
      kind: 'invalid',
      command: 'AssignLead',
      field: 'owner',
      reason: '"zed" is not a known user',
    });
  });
});
