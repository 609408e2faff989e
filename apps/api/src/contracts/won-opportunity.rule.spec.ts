import { money } from '@ltc/domain';
import type { OpenContract } from '@ltc/workflow-contract';
import { openContractRefusal, type OpportunityView } from './won-opportunity.rule';

const signed = money(120_000_00, 'EUR');
const command = (over: Partial<OpenContract['data']> = {}): OpenContract => ({
  type: 'OpenContract',
  data: {
    opportunityId: 'opp-1',
    customerId: 'acme',
    amount: signed,
    triangle: { AR: 'a', SR: 's', FR: 'f' },
    ...over,
  },
});
const won: OpportunityView = {
  streamId: 'opportunity-opp-1',
  state: 'won',
  customerId: 'acme',
  outcome: { kind: 'won', contractId: 'c-1', signedAmount: signed, signedAt: '2026-03-01T00:00:00.000Z' },
};
const reason = (view: OpportunityView, c = command(), stream = 'contract-c-1') =>
  openContractRefusal(stream, c, view)?.reason;

describe('openContractRefusal (rule opportunityWon)', () => {
  it('holds for the contract the opportunity was won as, its customer and its signed amount', () => {
    expect(openContractRefusal('contract-c-1', command(), won)).toBeNull();
  });

  it('names what is wrong otherwise', () => {
    expect(reason(null)).toBe('opportunity opp-1 does not exist');
    expect(reason({ ...won, state: 'open.negotiation', outcome: null })).toBe(
      'opportunity opp-1 is open.negotiation, not won',
    );
    expect(
      reason({
        ...won,
        state: 'lost',
        outcome: { kind: 'lost', reason: 'price', competitor: '', stage: 'x' },
      }),
    ).toBe('opportunity opp-1 is lost, not won');
    expect(reason(won, command(), 'contract-c-2')).toBe('opportunity opp-1 was won as contract c-1');
    expect(reason(won, command({ customerId: 'globex' }))).toBe('opportunity opp-1 belongs to customer acme');
    // 120,000.00 EUR signed; 119,999.99 asked for: one cent off is refused.
    expect(reason(won, command({ amount: money(119_999_99, 'EUR') }))).toBe(
      'opportunity opp-1 was signed at 12000000 EUR (minor units)',
    );
    expect(reason(won, command({ amount: money(120_000_00, 'USD') }))).toBe(
      'opportunity opp-1 was signed at 12000000 EUR (minor units)',
    );
  });

  it('is a 409 refusal of the contract before it exists', () => {
    expect(openContractRefusal('contract-c-1', command(), null)).toMatchObject({
      workflow: 'contract',
      command: 'OpenContract',
      state: 'none',
      rule: 'opportunityWon',
      allowed: [],
    });
  });
});
