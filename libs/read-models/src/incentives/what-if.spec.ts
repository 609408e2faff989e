import { ledgerOf } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { whatIf } from './what-if';

describe('what-if', () => {
  const h = new HistoryBuilder();
  h.plan('p1', '2026-11', specTerms(), { at: '2026-11-01T00:00:00Z' });
  h.win('d1', eur(10_000_000), { at: '2026-11-05T10:00:00Z' });
  h.win('d2', eur(5_000_000), { at: '2026-12-05T10:00:00Z' });
  const ledger = ledgerOf(h.events);
  const before = JSON.stringify([...ledger.plans.get('p1')!.versions]);

  it('replays the history with a changed split and rate from a period on, writing nothing', () => {
    const base = specTerms();
    const draft = {
      ...base,
      pool: { ...base.pool, signedRateBp: 1200 },
      split: { AR: 6000, SR: 2000, FR: 2000 },
    };
    const a = whatIf(ledger, { planId: 'p1', terms: draft, from: '2026-12', to: '2026-12' })!;
    // December: d2 50,000 × 10 % = 5,000 pool, AR 50 % = 2,500.00 live; 50,000 × 12 % = 6,000, AR 60 % = 3,600.00
    expect(a.rows.find((r) => r.personId === 'amy')).toEqual({
      personId: 'amy',
      period: '2026-12',
      liveMinor: 250_000,
      whatIfMinor: 360_000,
      differenceMinor: 110_000,
    });
    // SR: 1,500.00 live, 20 % of 6,000 = 1,200.00; November is outside the range
    expect(a.rows.find((r) => r.personId === 'sam')?.differenceMinor).toBe(-30_000);
    expect(a.rows.every((r) => r.period === '2026-12')).toBe(true);
    expect(a.written).toBe(false);
    expect(JSON.stringify([...ledger.plans.get('p1')!.versions])).toBe(before);
  });

  it('refuses a draft that is not a plan, naming the field', () => {
    const bad = { ...specTerms(), split: { AR: 5000, SR: 3000, FR: 1000 } };
    expect(() => whatIf(ledger, { planId: 'p1', terms: bad, from: '2026-12', to: '2026-12' })).toThrow(
      /split/,
    );
    expect(() =>
      whatIf(ledger, { planId: 'p1', terms: specTerms(), from: '2027-01', to: '2026-12' }),
    ).toThrow(/to/);
    expect(
      whatIf(ledger, { planId: 'nope', terms: specTerms(), from: '2026-12', to: '2026-12' }),
    ).toBeUndefined();
  });
});
