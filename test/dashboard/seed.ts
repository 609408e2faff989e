import { eur } from '../support/fixtures';
import { ok, ownedCustomer, type As } from '../support/session';
import type { Person } from '../support/team';
import { seedIncentives } from './seed-incentives';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/** The deals the browser tests look at (amounts in minor units; see dashboard.e2e-spec.ts). */
export const SEEDED = {
  /** Open in `open.validated`: 120,000.00 EUR. */
  validated: 'opp-acme',
  /** Open in `open.opportunityApproval`, AR has voted, SR and FR have not: 50,000.00 USD. */
  inReview: 'opp-globo',
  /** Open in `open.opened` (triangle assigned): 30,000.00 EUR. */
  opened: 'opp-hooli',
  /** Won at 90,000.00 EUR after all three gates and a bid. */
  won: 'opp-won',
  /** Lost after the bid: on price to Globex and on scope to Initrode. */
  lostPrice: 'opp-lost-1',
  lostScope: 'opp-lost-2',
  /** West team's open deal: 75,000.00 EUR, owner cy. */
  west: 'opp-west',
  /** In the public pool: nobody owns it. */
  publicCustomer: 'umbrella',
} as const;

const TRIANGLE = { AR: 'ann', SR: 'sam', FR: 'fay' };

/** Seeds the deals above through the real api (every number the dashboard shows comes from these). */
export async function seed(as: As): Promise<void> {
  // initech: claimed for ann 12 days ago and last touched 3 days ago, back-dated by the admin (business time,
  // X-Occurred-At; reps and managers have a window, admins none), and no deal work since (deal work touches
  // the customer too): 3 days since the last touch.
  const daysAgo = (days: number) => ({
    'X-Occurred-At': new Date(Date.now() - days * 86_400_000).toISOString(),
  });
  for (const customerId of ['acme', 'initech']) {
    const name = customerId === 'acme' ? 'ACME' : 'Initech';
    await ok(as('root', 'POST', '/api/customers', { customerId, name, segment: 'strategic' }, daysAgo(12)));
    await ok(as('root', 'POST', `/api/customers/${customerId}/claim`, { owner: 'ann' }, daysAgo(12)));
    const touched = daysAgo(3);
    await ok(
      as(
        'root',
        'POST',
        `/api/customers/${customerId}/touches`,
        { channel: 'visit', note: 'kick-off', touchedAt: touched['X-Occurred-At'] },
        touched,
      ),
    );
  }
  for (const id of ['globo', 'hooli', 'wonco', 'lostco', 'lostinc']) await ownedCustomer(as, 'ann', id);
  await ownedCustomer(as, 'cy', 'westco', 'ordinary');
  await ok(
    as('ann', 'POST', '/api/customers', { customerId: 'umbrella', name: 'Umbrella', segment: 'ordinary' }),
  );
  const open = (who: Person, id: string, customerId: string, amount: unknown, segment = 'strategic') =>
    ok(
      as(who, 'POST', '/api/opportunities', {
        opportunityId: id,
        customerId,
        name: `${customerId} platform`,
        amount,
        expectedCloseDate: '2027-03-31',
        segment,
        customerType: 'new',
        owner: who,
      }),
    );
  const on = (who: Person, id: string, verb: string, body: unknown = {}) =>
    ok(as(who, 'POST', `/api/opportunities/${id}/${verb}`, body));
  const validate = (id: string) =>
    on('ann', id, 'validate', {
      isReal: true,
      solutionFits: true,
      winProbability: 60,
      worthWinning: true,
      notes: 'fits',
    });

  await open('ann', SEEDED.validated, 'acme', eur(120_000_00));
  await on('bob', SEEDED.validated, 'triangle', { triangle: TRIANGLE });
  await validate(SEEDED.validated);

  await open('ann', SEEDED.inReview, 'globo', usd(50_000_00));
  await on('bob', SEEDED.inReview, 'triangle', { triangle: TRIANGLE });
  await validate(SEEDED.inReview);
  await on('ann', SEEDED.inReview, 'gates/opportunityApproval/review');
  await on('ann', SEEDED.inReview, 'gates/opportunityApproval/votes', { role: 'AR', decision: 'approve' });

  await open('ann', SEEDED.opened, 'hooli', eur(30_000_00));
  await on('bob', SEEDED.opened, 'triangle', { triangle: TRIANGLE });

  const passGate = async (id: string, gate: string) => {
    await on('ann', id, `gates/${gate}/review`);
    for (const [who, role] of [
      ['ann', 'AR'],
      ['sam', 'SR'],
      ['fay', 'FR'],
    ] as const)
      await on(who, id, `gates/${gate}/votes`, { role, decision: 'approve' });
  };
  const throughBid = async (id: string, customerId: string, amountMinor: number) => {
    await open('ann', id, customerId, eur(amountMinor));
    await on('bob', id, 'triangle', { triangle: TRIANGLE });
    await validate(id);
    await passGate(id, 'opportunityApproval');
    await on('sam', id, 'pre-bid-guidance', { note: 'steered the RFP' });
    await passGate(id, 'solutionConsensus');
    await on('sam', id, 'quote', { quoteReference: `Q-${id}`, amount: eur(amountMinor) });
    await passGate(id, 'quoteReview');
    await on('ann', id, 'bid', {
      quoteReference: `Q-${id}`,
      amount: eur(amountMinor),
      validUntil: '2027-12-31',
    });
  };
  await throughBid(SEEDED.won, 'wonco', 90_000_00);
  await on('ann', SEEDED.won, 'win', {
    contractId: 'ctr-won',
    signedAmount: eur(90_000_00),
    signedAt: new Date().toISOString(),
  });
  await throughBid(SEEDED.lostPrice, 'lostco', 40_000_00);
  await on('ann', SEEDED.lostPrice, 'lose', { reason: 'price', competitor: 'Globex' });
  await throughBid(SEEDED.lostScope, 'lostinc', 10_000_00);
  await on('ann', SEEDED.lostScope, 'lose', { reason: 'scope', competitor: 'Initrode' });

  await open('cy', SEEDED.west, 'westco', eur(75_000_00), 'ordinary');
  await seedIncentives(as);
  // Calls for next quarter: ann's own and bob's for the east team (what the forecast view shows beside the fan).
  const call = (who: Person, body: Record<string, unknown>) =>
    ok(as(who, 'POST', '/api/forecast-calls', { period: NEXT_QUARTER, currency: 'EUR', ...body }));
  await call('ann', {
    scope: 'own',
    commitMinor: 12_000_00,
    bestCaseMinor: 30_000_00,
    note: 'acme by March',
  });
  await call('bob', { scope: 'team', commitMinor: 15_000_00, bestCaseMinor: 45_000_00, note: 'east team' });
}

/** The quarter after this one (UTC), e.g. `2027-Q1` in December 2026. */
export const NEXT_QUARTER = (() => {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
  return `${next.getUTCFullYear()}-Q${Math.floor(next.getUTCMonth() / 3) + 1}`;
})();
