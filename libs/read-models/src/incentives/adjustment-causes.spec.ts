import { ledgerOf } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { planStatements } from './statements';
import type { AdjustmentLine } from './types';

const NOV = (d: number): string => `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`;
const DEC = (d: number): string => `2026-12-${String(d).padStart(2, '0')}T10:00:00Z`;
const JAN = (d: number): string => `2027-01-${String(d).padStart(2, '0')}T10:00:00Z`;

function adjustments(h: HistoryBuilder, person: string, period: string): AdjustmentLine[] {
  return [
    ...(planStatements(ledgerOf(h.events), 'p1').statements.get(`${person}|${period}`)?.adjustments ?? []),
  ];
}

// The causes of an adjustment are the events that moved the corrected figure, and its reason names
// the one that moved it most (the demo's +260.55 for a late October win read "contract terminated
// inside the clawback window … (+1 more)": the causes were every input of the deal recorded after the
// close, and the reason took the latest).
describe('adjustment causes and reason', () => {
  it('a late win into a closed month, terminated later: the win is the cause, the termination is not', () => {
    const h = new HistoryBuilder();
    h.plan('p1', '2026-11', specTerms(), { at: NOV(1) });
    h.close('p1', '2026-11', { at: DEC(1) });
    const win = h.win('d1', eur(1_000_000), { at: NOV(28), recordedAt: DEC(3) });
    const termination = h.terminate('d1', { at: DEC(9) });
    // November signing of d1 now: 10,000.00 × 10 % = pool 1,000.00; amy AR 50 % = 500.00, frozen 0.00
    // the termination (9 Dec, 11 days after signing, inside 90) gives the 500.00 back in December,
    // as December's own clawback line: it does not change November's signing figure
    const [adj, ...others] = adjustments(h, 'amy', '2026-12');
    expect(others).toEqual([]);
    expect(adj).toMatchObject({
      corrects: { period: '2026-11', kind: 'signing', dealId: 'd1' },
      beforeMinor: 0,
      afterMinor: 50_000,
      deltaMinor: 50_000,
      reason: 'win of EUR 10,000.00 recorded 3 Dec for 28 Nov',
    });
    // the triangle assigned (recorded with the win) changed nothing on its own: no cause either
    expect(adj?.causes.map((c) => [c.id, c.type])).toEqual([[win.id, 'OpportunityWon']]);
    const dec = planStatements(ledgerOf(h.events), 'p1').statements.get('amy|2026-12');
    expect(dec?.lines.map((l) => [l.lineId, l.amountMinor])).toEqual([
      [`clawback:d1:AR:${termination.id}`, -50_000],
    ]);
    // 500.00 − 500.00 = 0.00 for December
    expect(dec?.totals.periodTotalMinor).toBe(0);
  });

  it('two causes of one figure: the reason names the one that moved it most, with the count of the others', () => {
    const h = new HistoryBuilder();
    h.plan('p1', '2026-11', specTerms(), { at: NOV(1) });
    h.close('p1', '2026-11', { at: DEC(1) });
    const win = h.win('d1', eur(1_000_000), { at: NOV(28), recordedAt: DEC(3) });
    const catchUp = h.change('d1', 'cumulative-catch-up', eur(100_000), { at: DEC(5) });
    // win: 10,000.00 × 10 % = 1,000.00 pool → amy 500.00; the catch-up restates November with
    // +1,000.00 × 10 % = +100.00 pool (11,000.00 × 10 % = 1,100.00 → amy 550.00): +50.00
    const [adj] = adjustments(h, 'amy', '2026-12');
    expect([adj?.beforeMinor, adj?.afterMinor, adj?.deltaMinor]).toEqual([0, 55_000, 55_000]);
    expect(adj?.causes.map((c) => c.id)).toEqual([win.id, catchUp.id]);
    expect(adj?.reason).toBe('win of EUR 10,000.00 recorded 3 Dec for 28 Nov (+1 more)');
  });

  it('retro on retro: only what moved the figure since it was last settled', () => {
    const h = new HistoryBuilder();
    h.plan('p1', '2026-11', specTerms(), { at: NOV(1) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.win('d1', eur(1_000_000), { at: NOV(28), recordedAt: DEC(3) });
    h.close('p1', '2026-12', { at: JAN(1) });
    const catchUp = h.change('d1', 'cumulative-catch-up', eur(-200_000), { at: JAN(4) });
    // December paid 500.00 for November; now (10,000.00 − 2,000.00) × 10 % = 800.00 pool → amy 400.00:
    // January pays 400.00 − 500.00 = −100.00, caused by the catch-up alone (the win was settled)
    const [adj] = adjustments(h, 'amy', '2027-01');
    expect([adj?.beforeMinor, adj?.afterMinor, adj?.deltaMinor]).toEqual([50_000, 40_000, -10_000]);
    expect(adj?.causes.map((c) => c.id)).toEqual([catchUp.id]);
    expect(adj?.reason).toBe('contract change of EUR -2,000.00 recorded 4 Jan for 4 Jan');
  });

  it('a late termination inside a closed month: the clawback figure of that month names the termination', () => {
    const h = new HistoryBuilder();
    h.plan('p1', '2026-11', specTerms(), { at: NOV(1) });
    h.win('d1', eur(1_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    const termination = h.terminate('d1', { at: NOV(25), recordedAt: DEC(2) });
    // November: signing +500.00 frozen; the termination of 25 Nov (inside the window) gives it back in
    // November: a clawback of −500.00 forwarded to December; the signing figure itself is unchanged
    const adj = adjustments(h, 'amy', '2026-12');
    expect(adj.map((a) => [a.corrects.kind, a.deltaMinor, a.causes.map((c) => c.id)])).toEqual([
      ['clawback', -50_000, [termination.id]],
    ]);
    expect(adj[0]?.reason).toBe('contract terminated inside the clawback window, recorded 2 Dec for 25 Nov');
  });
});
