import { eventually } from './eventually';
import { eur, nowIso, TRIANGLE } from './fixtures';
import { ok, type As } from './session';

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const GATES = ['opportunityApproval', 'solutionConsensus', 'quoteReview'] as const;

/**
 * ann's deal `id` on `customerId` (which ann owns) from open to a submitted bid of `amountMinor` euro
 * cents: triangle, validation, the three gates. Each step is dated `at(step)` (X-Occurred-At), or now.
 */
export async function toBid(
  as: As,
  id: string,
  {
    customerId = 'acme',
    amountMinor = 9_000_000,
    at = () => undefined,
  }: {
    customerId?: string;
    amountMinor?: number;
    at?: (step: number) => string | undefined;
  } = {},
): Promise<void> {
  let step = 0;
  const headers = (): Record<string, string> => {
    const when = at(step++);
    return when === undefined ? {} : { 'X-Occurred-At': when };
  };
  const post = (verb: string, body: unknown, who: 'ann' | 'sam' | 'fay' | 'bob' = 'ann') =>
    ok(as(who, 'POST', `/api/opportunities/${id}/${verb}`, body, headers()));
  const opened = {
    opportunityId: id,
    customerId,
    name: `Deal ${id}`,
    amount: eur(Math.max(amountMinor, 10_000_000)),
    expectedCloseDate: '2027-06-30',
    segment: 'strategic',
    customerType: 'new',
    owner: 'ann',
  };
  await ok(as('ann', 'POST', '/api/opportunities', opened, headers()));
  await post('triangle', { triangle: TRIANGLE }, 'bob');
  await post('validate', VALIDATION);
  for (const gate of GATES) {
    if (gate === 'solutionConsensus') await post('pre-bid-guidance', { note: 'guided' }, 'sam');
    if (gate === 'quoteReview')
      await post('quote', { quoteReference: `Q-${id}`, amount: eur(amountMinor) }, 'sam');
    await post(`gates/${gate}/review`, {});
    for (const role of ['AR', 'SR', 'FR'] as const)
      await post(
        `gates/${gate}/votes`,
        { role, decision: 'approve' },
        TRIANGLE[role] as 'ann' | 'sam' | 'fay',
      );
  }
  await post('bid', { quoteReference: `Q-${id}`, amount: eur(amountMinor), validUntil: '2099-12-31' });
}

/**
 * Contract `contractId` as the engine opens it: deal `opp-<contractId>` bid and won at `amountMinor`
 * euro cents, then the contract the process manager opened (awaiting confirmation).
 */
export async function wonContract(as: As, contractId: string, amountMinor = 1_000_000): Promise<void> {
  const id = `opp-${contractId}`;
  await toBid(as, id, { amountMinor });
  await ok(
    as('ann', 'POST', `/api/opportunities/${id}/win`, {
      contractId,
      signedAmount: eur(amountMinor),
      signedAt: nowIso(),
    }),
    'won',
  );
  await eventually(async () =>
    expect((await as('root', 'GET', `/api/contracts/${contractId}`)).status).toBe(200),
  );
}
