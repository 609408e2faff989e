import { Rng } from '@ltc/projections/testing';
import { ledgerOf } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { planStatements } from './statements';

describe('frozen means frozen', () => {
  it("keeps a closed period's statements byte for byte through 1,000 later events that change it", () => {
    const h = new HistoryBuilder();
    h.plan('p1', '2026-11', specTerms(), { at: '2026-11-01T00:00:00Z' });
    for (const p of ['amy', 'sam', 'fay'])
      h.target('p1', p, '2026-11', 50_000_000, 500_000, { at: '2026-11-01T00:00:00Z' });
    for (let i = 0; i < 5; i++) h.win(`d${i}`, eur(10_000_000 + i), { at: `2026-11-0${i + 2}T10:00:00Z` });
    h.close('p1', '2026-11', { at: '2026-12-01T08:00:00Z' });
    const frozenOf = (): Record<string, string> =>
      Object.fromEntries(
        [...planStatements(ledgerOf(h.events), 'p1').statements]
          .filter(([, s]) => s.period === '2026-11')
          .map(([k, s]) => [k, JSON.stringify(s)]),
      );
    const before = frozenOf();
    expect(Object.keys(before).sort()).toEqual(['amy|2026-11', 'fay|2026-11', 'sam|2026-11']);
    const rng = new Rng(13);
    const late = { recordedAt: '2026-12-10T10:00:00Z' };
    for (let i = 0; i < 1000; i++) {
      const at = `2026-11-${String(rng.int(10, 29))}T10:00:00Z`;
      const deal = `d${rng.int(0, 4)}`;
      switch (rng.int(0, 4)) {
        case 0:
          h.payment(deal, eur(rng.int(1, 100_000)), { at, ...late });
          break;
        case 1:
          h.win(`late${i}`, eur(rng.int(1, 1_000_000)), { at, ...late });
          break;
        case 2:
          h.change(deal, 'cumulative-catch-up', eur(rng.int(-50_000, 50_000)), { at, ...late });
          break;
        case 3:
          h.target('p1', rng.pick(['amy', 'sam', 'fay']), '2026-11', rng.int(1, 90_000_000), 500_000, {
            at: late.recordedAt,
          });
          break;
        default:
          h.correct(
            'p1',
            '2026-11',
            specTerms({ pool: { ...specTerms().pool, signedRateBp: rng.int(0, 2000) } }),
            { at: late.recordedAt },
          );
      }
    }
    expect(frozenOf()).toEqual(before);
    // the later events did change November: December carries the difference as adjustments
    const dec = planStatements(ledgerOf(h.events), 'p1').statements.get('amy|2026-12');
    expect(dec?.adjustments.length).toBeGreaterThan(0);
  });
});
