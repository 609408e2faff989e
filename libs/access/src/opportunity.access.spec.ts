import type { OpportunityCommand } from '@ltc/workflow-opportunity';
import { opportunityAccess, type OpportunityFacts } from './opportunity.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const command = (type: OpportunityCommand['type'], data: object = {}) =>
  ({ type, data }) as OpportunityCommand;
const given = accessSpec(opportunityAccess, org);
const fresh: OpportunityFacts = { customerId: '', owner: '', triangle: null };
const deal: OpportunityFacts = {
  customerId: 'acme',
  owner: 'ann',
  triangle: { AR: 'ann', SR: 'bob', FR: 'olga' },
};

describe('opportunity access', () => {
  describe('OpenOpportunity', () => {
    const open = (owner: string) => command('OpenOpportunity', { customerId: 'acme', owner });

    it('lets a rep open a deal for themself on a customer they follow', () => {
      given({ state: fresh, customers: { acme: 'ann' } })
        .when(as('ann'), open('ann'))
        .thenAllowed();
    });

    it('lets the manager open it for their rep, and refuses a rep opening it for a colleague', () => {
      given({ state: fresh, customers: { acme: 'ann' } })
        .when(as('mia'), open('ann'))
        .thenAllowed();
      given({ state: fresh, customers: { acme: 'ann' } })
        .when(as('ann'), open('bob'))
        .thenRefused('ownerIsSelfOrReport');
    });

    it('refuses a rep who does not follow the customer before anything else', () => {
      given({ state: fresh, customers: { acme: 'ann' } })
        .when(as('bob'), open('zed'))
        .thenRefused('customerOwnedByAnother');
      given({ state: fresh, customers: { acme: null } })
        .when(as('ann'), open('ann'))
        .thenRefused('customerNotClaimed');
    });

    it('names an unknown customer, then an unknown owner, as invalid input', () => {
      given({ state: fresh }).when(as('ada'), open('ann')).thenInvalid('customerId');
      given({ state: fresh, customers: { acme: 'ann' } })
        .when(as('ada'), open('zed'))
        .thenInvalid('owner');
    });
  });

  it('lets only managers assign the triangle, to known users', () => {
    const assign = (t: object) => command('AssignIronTriangle', { triangle: t });
    given({ state: deal })
      .when(as('ann'), assign({ AR: 'ann' }))
      .thenRefused('managersOnly');
    given({ state: deal })
      .when(as('mia'), assign({ AR: 'ann', SR: 'bob', FR: 'olga' }))
      .thenAllowed();
    given({ state: deal })
      .when(as('mia'), assign({ AR: 'ann', SR: 'zed', FR: 'olga' }))
      .thenInvalid('triangle.SR');
  });

  it('lets only managers reassign a role, to a known user', () => {
    const reassign = (to: string) => command('ReassignIronTriangleRole', { role: 'SR', to, reason: 'x' });
    given({ state: deal }).when(as('bob'), reassign('cat')).thenRefused('managersOnly');
    given({ state: deal }).when(as('sam'), reassign('cat')).thenAllowed();
    given({ state: deal }).when(as('sam'), reassign('zed')).thenInvalid('to');
  });

  it('takes a gate vote only from a triangle member, as a role they hold', () => {
    const vote = command('CastGateVote', { role: 'FR', decision: 'approve' });
    given({ state: deal }).when(as('olga'), vote).thenAllowed();
    given({ state: deal }).when(as('mia'), vote).thenRefused('triangleMembersVote');
    given({ state: deal }).when(system, vote).thenRefused('triangleMembersVote');
    given({ state: deal }).when(as('ann'), vote).thenRefused('voterHoldsRole');
  });

  it('lets only the AR (the owner before a triangle) or a manager set the forecast category', () => {
    const call = command('SetForecastCategory', { category: 'commit' });
    given({ state: deal }).when(as('ann'), call).thenAllowed();
    given({ state: deal }).when(as('mia'), call).thenAllowed();
    given({ state: deal }).when(as('bob'), call).thenRefused('arOrManagerCalls');
    given({ state: { ...deal, triangle: null } })
      .when(as('ann'), call)
      .thenAllowed();
    given({ state: { ...deal, triangle: { AR: 'bob', SR: 'ann', FR: 'olga' } } })
      .when(as('ann'), call)
      .thenRefused('arOrManagerCalls');
  });

  describe('working the deal', () => {
    const types = [
      'ValidateOpportunity',
      'RecordPreBidGuidance',
      'RequestGateReview',
      'PrepareQuote',
      'SubmitBid',
      'RecordNegotiationRound',
      'ReviseQuote',
      'ChangeAmount',
      'ChangeExpectedCloseDate',
      'WinOpportunity',
      'LoseOpportunity',
      'AbandonOpportunity',
    ] as const;

    it('lets the deal’s owner, its triangle and their managers work it without reading the customer', () => {
      for (const type of types) {
        for (const id of ['ann', 'bob', 'olga', 'mia']) {
          expect(given({ state: deal }).when(as(id), command(type)).thenAllowed().asked).toEqual([]);
        }
      }
    });

    it('lets the customer’s owner side work it and refuses anyone else', () => {
      for (const type of types) {
        given({ state: deal, customers: { acme: 'cat' } })
          .when(as('sam'), command(type))
          .thenAllowed();
        given({ state: deal, customers: { acme: 'ann' } })
          .when(as('cat'), command(type))
          .thenRefused('customerOwnedByAnother');
      }
    });
  });
});
