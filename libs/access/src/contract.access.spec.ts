import type { ContractCommand } from '@ltc/workflow-contract';
import { contractAccess, type ContractFacts } from './contract.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const command = (type: ContractCommand['type'], data: object = {}) => ({ type, data }) as ContractCommand;
const given = accessSpec(contractAccess, org);
const fresh: ContractFacts = { customerId: '', triangle: null };
const contract: ContractFacts = { customerId: 'acme', triangle: { AR: 'ann', SR: 'ann', FR: 'bob' } };

describe('contract access', () => {
  it('lets the engine or a manager open a contract, with a known triangle', () => {
    const open = (t: object) => command('OpenContract', { triangle: t });
    given({ state: fresh })
      .when(system, open({ AR: 'ann', SR: 'ann', FR: 'bob' }))
      .thenAllowed();
    given({ state: fresh })
      .when(as('mia'), open({ AR: 'ann', SR: 'ann', FR: 'bob' }))
      .thenAllowed();
    given({ state: fresh })
      .when(as('ann'), open({ AR: 'ann' }))
      .thenRefused('managersOnly');
    given({ state: fresh })
      .when(as('mia'), open({ AR: 'zed' }))
      .thenInvalid('triangle.AR');
  });

  it('lets only managers reassign a role, to a known user', () => {
    const reassign = (to: string) => command('ReassignIronTriangleRole', { role: 'FR', to, reason: 'x' });
    given({ state: contract }).when(as('bob'), reassign('cat')).thenRefused('managersOnly');
    given({ state: contract }).when(as('mia'), reassign('cat')).thenAllowed();
    given({ state: contract }).when(as('mia'), reassign('zed')).thenInvalid('to');
  });

  it('takes the handover vote only from a triangle member', () => {
    const vote = command('CastGateVote', { role: 'FR', decision: 'approve' });
    given({ state: contract }).when(as('bob'), vote).thenAllowed();
    given({ state: contract }).when(as('mia'), vote).thenRefused('triangleMembersVote');
    given({ state: contract }).when(as('ada'), vote).thenRefused('triangleMembersVote');
    given({ state: contract }).when(as('ann'), vote).thenRefused('voterHoldsRole');
  });

  describe('billing', () => {
    const types = ['IssueInvoice', 'RecordPayment', 'WriteOffInvoice'] as const;

    it('lets ops invoice, record payments and write off on any contract without reading the customer', () => {
      for (const type of types) {
        expect(given({ state: contract }).when(as('olga'), command(type)).thenAllowed().asked).toEqual([]);
      }
    });

    it('holds a rep to the contract’s triangle and the customer’s owner side', () => {
      for (const type of types) {
        given({ state: contract }).when(as('bob'), command(type)).thenAllowed();
        given({ state: contract, customers: { acme: 'ann' } })
          .when(as('cat'), command(type))
          .thenRefused('customerOwnedByAnother');
      }
    });
  });

  describe('working the contract', () => {
    const types = [
      'ConfirmContract',
      'RequestGateReview',
      'CompleteDeliveryMilestone',
      'DeclareDeliveryComplete',
      'ChangeContract',
      'RaiseRisk',
      'ResolveRisk',
      'OpenDispute',
      'ResolveDispute',
      'TerminateContract',
      'CloseContract',
      'EvaluateContract',
    ] as const;

    it('lets the triangle and any manager work it without reading the customer', () => {
      for (const type of types) {
        for (const id of ['ann', 'bob', 'sam']) {
          expect(given({ state: contract }).when(as(id), command(type)).thenAllowed().asked).toEqual([]);
        }
      }
    });

    it('lets the customer’s owner work it; refuses ops and other reps', () => {
      for (const type of types) {
        given({ state: contract, customers: { acme: 'cat' } })
          .when(as('cat'), command(type))
          .thenAllowed();
        given({ state: contract, customers: { acme: 'ann' } })
          .when(as('olga'), command(type))
          .thenRefused('customerOwnedByAnother');
        given({ state: contract, customers: { acme: null } })
          .when(as('cat'), command(type))
          .thenRefused('customerNotClaimed');
      }
    });
  });
});
