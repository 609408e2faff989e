import { eur, TRIANGLE } from './fixtures';

const VALIDATION = { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'ok' };
const line = (type: string, target: string, body: object, actor: string, occurredAt: string) =>
  // Gate commands are served by contracts too: the kind says which.
  JSON.stringify({
    type,
    ...(type.includes('Gate') ? { kind: 'opportunity' } : {}),
    target,
    body,
    actor,
    occurredAt,
  });

/**
 * Imported Q1 2026: ann's bt1 (1,000,000) bid on 7 Jan and won on 16 Feb; cy's bt2 (3,000,000) opened on
 * 8 Jan, never moved, abandoned on 10 Mar. Recorded now, so every week of Q1 is reconstructed.
 */
export function backtestHistory(): string {
  let minute = 0;
  const at = (date: string) => new Date(Date.parse(`${date}T08:00:00Z`) + minute++ * 60_000).toISOString();
  const lines = [
    line('RegisterCustomer', 'bt-c1', { name: 'BT One', segment: 'strategic' }, 'ann', at('2026-01-05')),
    line('ClaimCustomer', 'bt-c1', {}, 'ann', at('2026-01-05')),
    line('RegisterCustomer', 'bt-c2', { name: 'BT Two', segment: 'strategic' }, 'cy', at('2026-01-05')),
    line('ClaimCustomer', 'bt-c2', {}, 'cy', at('2026-01-05')),
  ];
  const open = (id: string, customerId: string, owner: string, amountMinor: number, date: string) =>
    line(
      'OpenOpportunity',
      id,
      {
        customerId,
        name: `Deal ${id}`,
        amount: eur(amountMinor),
        expectedCloseDate: '2026-03-31',
        segment: 'strategic',
        customerType: 'new',
        owner,
      },
      owner,
      at(date),
    );
  const day = '2026-01-07';
  lines.push(
    open('bt1', 'bt-c1', 'ann', 1_000_000, day),
    line('AssignIronTriangle', 'bt1', { triangle: TRIANGLE }, 'bob', at(day)),
    line('ValidateOpportunity', 'bt1', VALIDATION, 'ann', at(day)),
  );
  for (const gate of ['opportunityApproval', 'solutionConsensus', 'quoteReview']) {
    if (gate === 'solutionConsensus')
      lines.push(line('RecordPreBidGuidance', 'bt1', { note: 'guided' }, 'sam', at(day)));
    if (gate === 'quoteReview')
      lines.push(
        line('PrepareQuote', 'bt1', { quoteReference: 'Q-bt1', amount: eur(1_000_000) }, 'sam', at(day)),
      );
    lines.push(line('RequestGateReview', 'bt1', { gate }, 'ann', at(day)));
    for (const role of ['AR', 'SR', 'FR'] as const)
      lines.push(line('CastGateVote', 'bt1', { gate, role, decision: 'approve' }, TRIANGLE[role], at(day)));
  }
  lines.push(
    line(
      'SubmitBid',
      'bt1',
      { quoteReference: 'Q-bt1', amount: eur(1_000_000), validUntil: '2099-12-31' },
      'ann',
      at(day),
    ),
    open('bt2', 'bt-c2', 'cy', 3_000_000, '2026-01-08'),
    line(
      'WinOpportunity',
      'bt1',
      { contractId: 'k-bt1', signedAmount: eur(1_000_000), signedAt: '2026-02-16T10:00:00.000Z' },
      'ann',
      '2026-02-16T10:00:00.000Z',
    ),
    line('AbandonOpportunity', 'bt2', { reason: 'budget frozen' }, 'cy', '2026-03-10T10:00:00.000Z'),
  );
  return `${lines.join('\n')}\n`;
}

/** Imports NDJSON `lines` through POST /api/import with an admin key; the lines refused (none expected). */
export async function importLines(url: string, adminKey: string, lines: string): Promise<unknown[]> {
  const imported = await fetch(`${url}/api/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/x-ndjson' },
    body: lines,
  });
  if (imported.status !== 200) throw new Error(`import answered ${imported.status}`);
  return (await imported.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { status?: string })
    .filter((r) => r.status === 'refused');
}
