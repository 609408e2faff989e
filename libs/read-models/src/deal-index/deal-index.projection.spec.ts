import type { Event } from '@ltc/domain';
import { DealScript, day, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { dealIndexProjection } from './deal-index.projection';
import { customerHasContracts, indexedStreams, ownedCustomerCount } from './deal-index.queries';

const registered: Event = { type: 'CustomerRegistered', data: { name: 'ACME', segment: 'ordinary' } };
const claimed = (owner: string, n: number): Event => ({
  type: 'CustomerClaimed',
  data: { owner, ownedCount: 0, poolCapacity: 10, claimedAt: day(n) },
});
const returned = (owner: string, n: number): Event => ({
  type: 'CustomerReturnedToPublicPool',
  data: {
    previousOwner: owner,
    reason: { kind: 'released', note: null },
    by: owner,
    returnedAt: day(n),
    reclaimCooldownDays: 0,
    cooldownUntil: day(n),
  },
});

// c1 and c2 are claimed by ann (d1, d2); c2 goes back to the public pool (d5); c3 is sam's (d3).
// ann's opportunity o1 (on c-o1) opens on d4 and is validated on d6; a contract on c1 opens on d7.
function worked(): History {
  const h = new History();
  for (const [id, owner, n] of [
    ['c1', 'ann', 1],
    ['c2', 'ann', 2],
    ['c3', 'sam', 3],
  ] as const) {
    h.add(`customer-${id}`, day(0), 'ops', registered);
    h.add(`customer-${id}`, day(n), owner, claimed(owner, n));
  }
  h.add('customer-c2', day(5), 'ann', returned('ann', 5));
  const deal = new DealScript(h, 'o1', { owner: 'ann', amount: eur(1_000_000) });
  deal.open(4).validate(6);
  h.add('contract-k1', day(7), 'system', {
    type: 'ContractOpened',
    data: { opportunityId: 'o1', customerId: 'c1', amount: eur(1_000_000), triangle: deal.triangle },
  });
  return h;
}

describe('deal index (worked example)', () => {
  it("holds each stream's state, context, revision and last business time", async () => {
    const run = await projected(worked(), [dealIndexProjection]);
    try {
      const model = run.model(dealIndexProjection);
      const customers = indexedStreams(model, 'customer');
      expect(customers.map((c) => [c.id, c.state, c.revision, c.updatedAt])).toEqual([
        ['c1', 'owned', 1, day(1)],
        ['c2', 'publicPool', 2, day(5)],
        ['c3', 'owned', 1, day(3)],
      ]);
      expect(customers[0]?.context).toMatchObject({ owner: 'ann' });
      const [opportunity] = indexedStreams(model, 'opportunity');
      expect(opportunity).toMatchObject({
        id: 'o1',
        streamId: 'opportunity-o1',
        state: 'open.validated',
        revision: 2,
        updatedAt: day(6),
        context: { owner: 'ann', customerId: 'c-o1' },
      });
      expect(indexedStreams(model, 'lead')).toEqual([]);
    } finally {
      await run.close();
    }
  });

  it('counts the customers a rep owns now, and knows which customers have contracts', async () => {
    const run = await projected(worked(), [dealIndexProjection]);
    try {
      const model = run.model(dealIndexProjection);
      expect(ownedCustomerCount(model, 'ann')).toBe(1);
      expect(ownedCustomerCount(model, 'sam')).toBe(1);
      expect(ownedCustomerCount(model, 'cy')).toBe(0);
      expect(customerHasContracts(model, 'c1')).toBe(true);
      expect(customerHasContracts(model, 'c3')).toBe(false);
    } finally {
      await run.close();
    }
  });
});
