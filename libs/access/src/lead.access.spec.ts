import type { LeadCommand } from '@ltc/workflow-lead';
import { leadAccess, type LeadFacts } from './lead.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const command = (type: LeadCommand['type'], data: object = {}) => ({ type, data }) as LeadCommand;
const given = accessSpec(leadAccess, org);
const newLead: LeadFacts = { customerId: null, owner: null };
const lead = (owner: string | null): LeadFacts => ({ customerId: 'acme', owner });

describe('lead access', () => {
  describe('CaptureLead', () => {
    const capture = command('CaptureLead', { customerId: 'acme' });

    it('lets anyone capture a lead for a public-pool customer', () => {
      given({ state: newLead, customers: { acme: null } })
        .when(as('cat'), capture)
        .thenAllowed();
    });

    it('lets the owner side capture for an owned customer and refuses the others', () => {
      given({ state: newLead, customers: { acme: 'ann' } })
        .when(as('mia'), capture)
        .thenAllowed();
      given({ state: newLead, customers: { acme: 'ann' } })
        .when(as('bob'), capture)
        .thenRefused('customerOwnedByAnother');
    });

    it('answers an unregistered customer as invalid input', () => {
      given({ state: newLead }).when(as('ann'), capture).thenInvalid('customerId');
    });
  });

  describe('AssignLead and ReassignLead', () => {
    it('lets only managers assign, and only to known users', () => {
      for (const type of ['AssignLead', 'ReassignLead'] as const) {
        given({ state: lead(null) })
          .when(as('ann'), command(type, { owner: 'ann' }))
          .thenRefused('managersOnly');
        given({ state: lead(null) })
          .when(as('mia'), command(type, { owner: 'bob' }))
          .thenAllowed();
        given({ state: lead(null) })
          .when(as('mia'), command(type, { owner: 'zed' }))
          .thenInvalid('owner');
      }
    });

    it('refuses a rep before it looks at the owner named', () => {
      given({ state: lead(null) })
        .when(as('ann'), command('AssignLead', { owner: 'zed' }))
        .thenRefused('managersOnly');
    });
  });

  describe('working a lead', () => {
    const types = [
      'RecordLeadTouch',
      'QualifyLead',
      'NurtureLead',
      'DisqualifyLead',
      'ReopenLead',
      'ConvertLead',
    ] as const;

    it('lets the lead’s owner and their manager work it without reading the customer', () => {
      for (const type of types) {
        expect(
          given({ state: lead('bob') })
            .when(as('bob'), command(type))
            .thenAllowed().asked,
        ).toEqual([]);
        expect(
          given({ state: lead('bob') })
            .when(as('mia'), command(type))
            .thenAllowed().asked,
        ).toEqual([]);
      }
    });

    it('lets the customer’s owner work it, and refuses another rep', () => {
      for (const type of types) {
        const { asked } = given({ state: lead('bob'), customers: { acme: 'ann' } })
          .when(as('ann'), command(type))
          .thenAllowed();
        expect(asked).toEqual(['acme']);
        given({ state: lead('bob'), customers: { acme: 'ann' } })
          .when(as('cat'), command(type))
          .thenRefused('customerOwnedByAnother');
      }
    });

    it('refuses an unassigned lead of a public-pool customer until the customer is claimed', () => {
      given({ state: lead(null), customers: { acme: null } })
        .when(as('ann'), command('QualifyLead'))
        .thenRefused('customerNotClaimed');
      given({ state: lead(null), customers: { acme: null } })
        .when(system, command('QualifyLead'))
        .thenAllowed();
    });
  });
});
