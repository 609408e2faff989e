import { diffStatements, explainLine } from './explain';
import { ledgerOf } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { statementOf } from './statement-query';

describe('explain and diff', () => {
  const h = new HistoryBuilder();
  h.plan('p1', '2026-11', specTerms(), { at: '2026-11-01T00:00:00Z' });
  const won = h.win('d1', eur(10_000_000), { at: '2026-11-05T10:00:00Z' });
  const close = h.close('p1', '2026-11', { at: '2026-12-01T08:00:00Z' });
  const pay = h.payment('d1', eur(1_200_000), {
    at: '2026-11-28T10:00:00Z',
    recordedAt: '2026-12-02T10:00:00Z',
  });
  const ledger = ledgerOf(h.events);

  it('explains a signing line: formula with its numbers, step by step, and the events it came from', () => {
    const nov = statementOf(ledger, { personId: 'amy', period: '2026-11' })!;
    const x = explainLine(ledger, nov, 'signing:d1:AR:signed')!;
    expect(x.formula).toBe(
      '100,000.00 EUR × 1 = 100,000.00 EUR × 10.00 % × x1 × x1 = pool 10,000.00; AR 50.00 % = 5,000.00',
    );
    expect(x.steps).toEqual(
      expect.arrayContaining([
        { label: 'pool (rounded once)', value: '10,000.00' },
        { label: 'split share', value: '50.00 %' },
        { label: 'line', value: '5,000.00' },
      ]),
    );
    expect(x.events.map((e) => e.id)).toEqual(expect.arrayContaining([won.id]));
  });

  it('explains an adjustment by what was paid, what it is now and why', () => {
    const dec = statementOf(ledger, { personId: 'amy', period: '2026-12' })!;
    const x = explainLine(ledger, dec, 'adjustment:2026-11:collection:d1')!;
    expect(x.formula).toBe('collection of 2026-11: now 300.00 − paid 0.00 = 300.00');
    expect(x.events.map((e) => e.id)).toEqual([pay.id]);
    expect(explainLine(ledger, dec, 'nope')).toBeUndefined();
  });

  it('diffs the statement known at two instants and names the events recorded between', () => {
    // December as known just after the close (nothing yet) and after the late payment (+300.00)
    const d = diffStatements(ledger, {
      personId: 'amy',
      period: '2026-12',
      from: close.recordedAt,
      to: pay.recordedAt,
    })!;
    expect(d.changes).toEqual([
      {
        lineId: 'adjustment:2026-11:collection:d1',
        kind: 'adjustment',
        beforeMinor: 0,
        afterMinor: 30_000,
        deltaMinor: 30_000,
      },
    ]);
    expect(d.events.map((e) => e.id)).toEqual([pay.id]);
    expect([d.before.periodTotalMinor, d.after.periodTotalMinor]).toEqual([0, 30_000]);
  });
});
