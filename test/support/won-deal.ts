import { eur } from './fixtures';
import { ok, type As } from './session';
import type { Person } from './team';

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const GATES = ['opportunityApproval', 'solutionConsensus', 'quoteReview'] as const;

/** An opportunity taken through triangle, validation, the three gates and the bid, then won now. */
export async function wonDeal(
  as: As,
  d: Readonly<{ id: string; customerId: string; owner: Person; manager: Person; amountMinor: number }>,
  triangle: Readonly<Record<'AR' | 'SR' | 'FR', Person>>,
): Promise<void> {
  const post = (who: Person, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/opportunities/${d.id}/${verb}`, body);
  await ok(
    as(d.owner, 'POST', '/api/opportunities', {
      opportunityId: d.id,
      customerId: d.customerId,
      name: `Deal ${d.id}`,
      amount: eur(d.amountMinor),
      expectedCloseDate: '2099-06-30',
      segment: 'ordinary',
      customerType: 'existing',
      owner: d.owner,
    }),
  );
  await ok(post(d.manager, 'triangle', { triangle }));
  await ok(post(d.owner, 'validate', VALIDATION));
  for (const gate of GATES) {
    if (gate === 'solutionConsensus') await ok(post(triangle.SR, 'pre-bid-guidance', { note: 'guided' }));
    if (gate === 'quoteReview')
      await ok(post(triangle.SR, 'quote', { quoteReference: `Q-${d.id}`, amount: eur(d.amountMinor) }));
    await ok(post(d.owner, `gates/${gate}/review`));
    for (const role of ['AR', 'SR', 'FR'] as const) {
      await ok(post(triangle[role], `gates/${gate}/votes`, { role, decision: 'approve' }));
    }
  }
  await ok(
    post(d.owner, 'bid', {
      quoteReference: `Q-${d.id}`,
      amount: eur(d.amountMinor),
      validUntil: '2099-12-31',
    }),
  );
  await ok(
    post(d.owner, 'win', {
      contractId: `k-${d.id}`,
      signedAmount: eur(d.amountMinor),
      signedAt: new Date().toISOString(),
    }),
    'won',
  );
}
