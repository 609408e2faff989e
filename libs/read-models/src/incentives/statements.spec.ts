import { ledgerOf } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { planStatements } from './statements';
import type { IncentiveStatement } from './types';

const NOV = (d: number): string => `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`;
const DEC = (d: number): string => `2026-12-${String(d).padStart(2, '0')}T10:00:00Z`;
const JAN = (d: number): string => `2027-01-${String(d).padStart(2, '0')}T10:00:00Z`;

function statement(h: HistoryBuilder, person: string, period: string): IncentiveStatement {
  const s = planStatements(ledgerOf(h.events), 'p1').statements.get(`${person}|${period}`);
  if (s === undefined) throw new Error(`no statement for ${person} ${period}`);
  return s;
}
const amounts = (s: IncentiveStatement): Record<string, number> =>
  Object.fromEntries(s.lines.map((l) => [l.lineId, l.amountMinor]));

function novemberPlan(terms = specTerms()): HistoryBuilder {
  const h = new HistoryBuilder();
  h.plan('p1', '2026-11', terms, { at: NOV(1) });
  return h;
}

describe('incentive statements: pool, split, FX', () => {
  it('rounds the pool once and splits it by largest remainder: 1,000.10 × 10 % = 100.01 → 50.01 + 30.00 + 20.00', () => {
    const h = novemberPlan();
    h.win('d1', eur(100_010), { at: NOV(5) });
    // 100,010 × 10 % = 10,001 (100.01); AR 50 % = 5,000.5, SR 30 % = 3,000.3, FR 20 % = 2,000.2
    // floors 5,000 + 3,000 + 2,000 = 10,000: the one cent left goes to the largest remainder (AR's .5)
    expect(amounts(statement(h, 'amy', '2026-11'))).toEqual({ 'signing:d1:AR:signed': 5001 });
    expect(amounts(statement(h, 'sam', '2026-11'))).toEqual({ 'signing:d1:SR:signed': 3000 });
    expect(amounts(statement(h, 'fay', '2026-11'))).toEqual({ 'signing:d1:FR:signed': 2000 });
    expect(statement(h, 'amy', '2026-11').lines[0]?.inputs.poolMinor).toBe(10_001);
  });

  it('converts at the plan rate and reports a currency without one instead of dropping it', () => {
    const h = novemberPlan();
    h.win('d1', { amountMinor: 1_000_000, currency: 'USD' }, { at: NOV(5) });
    h.win('d2', { amountMinor: 500_000, currency: 'GBP' }, { at: NOV(6) });
    const amy = statement(h, 'amy', '2026-11');
    // USD 10,000.00 × 0.92 = EUR 9,200.00; × 10 % = pool 920.00; AR 50 % = 460.00
    expect(amounts(amy)).toEqual({ 'signing:d1:AR:signed': 46_000 });
    expect(amy.lines[0]?.inputs).toMatchObject({
      fxRate: '0.92',
      planAmountMinor: 920_000,
      poolMinor: 92_000,
    });
    expect(amy.unconverted).toEqual([
      expect.objectContaining({ dealId: 'd2', kind: 'signing', amountMinor: 500_000, currency: 'GBP' }),
    ]);
    expect(amy.unconverted[0]?.reason).toMatch(/no GBP rate to EUR/);
  });

  it('compounds the strategic and new-customer multipliers', () => {
    const h = novemberPlan(
      specTerms({
        pool: {
          signedRateBp: 1000,
          collectedRateBp: 0,
          strategicMultiplierBp: 15000,
          newCustomerMultiplierBp: 12000,
        },
      }),
    );
    h.win('d1', eur(1_000_000), { at: NOV(5) }, { customerId: 'c1', strategic: true });
    h.win('d2', eur(1_000_000), { at: NOV(6) }, { customerId: 'c1', strategic: true });
    // d1: first win of c1 (new) and strategic: 10,000.00 × 10 % × 1.5 × 1.2 = 1,800.00; AR 900.00
    // d2: c1 already won once: 10,000.00 × 10 % × 1.5 = 1,500.00; AR 750.00
    expect(amounts(statement(h, 'amy', '2026-11'))).toEqual({
      'signing:d1:AR:signed': 90_000,
      'signing:d2:AR:signed': 75_000,
    });
  });
});

describe('forwarding retro: a change to a closed period is an adjustment in the open one', () => {
  it('a late payment into a closed period', () => {
    const h = novemberPlan();
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    const frozen = JSON.stringify(statement(h, 'amy', '2026-11'));
    const pay = h.payment('d1', eur(1_200_000), { at: NOV(28), recordedAt: DEC(2) });
    // November as frozen: signing 100,000.00 × 10 % = 10,000.00; AR 5,000.00; no collection
    expect(JSON.stringify(statement(h, 'amy', '2026-11'))).toBe(frozen);
    expect(statement(h, 'amy', '2026-11').totals.periodTotalMinor).toBe(500_000);
    // the payment: 12,000.00 × 5 % = 600.00; AR 300.00, SR 180.00, FR 120.00, paid in December
    const dec = statement(h, 'amy', '2026-12');
    expect(dec.adjustments).toEqual([
      expect.objectContaining({
        period: '2026-12',
        corrects: { period: '2026-11', kind: 'collection', dealId: 'd1' },
        beforeMinor: 0,
        afterMinor: 30_000,
        deltaMinor: 30_000,
        reason: 'payment of EUR 12,000.00 recorded 2 Dec for 28 Nov',
      }),
    ]);
    expect(dec.adjustments[0]?.causes.map((c) => [c.id, c.type, c.occurredAt, c.recordedAt])).toEqual([
      [pay.id, 'PaymentRecorded', pay.occurredAt, pay.recordedAt],
    ]);
    expect(statement(h, 'fay', '2026-12').adjustments[0]?.deltaMinor).toBe(12_000);
  });

  it('retro on retro: a second correction of the same period pays only the difference', () => {
    const h = novemberPlan();
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.payment('d1', eur(1_200_000), { at: NOV(28), recordedAt: DEC(2) });
    h.close('p1', '2026-12', { at: JAN(1) });
    h.payment('d1', eur(800_000), { at: NOV(29), recordedAt: JAN(3) });
    // November collection now (12,000 + 8,000) × 5 % = 1,000.00, AR 500.00; already paid 0 frozen + 300.00
    // forwarded in December: January pays 500.00 − 300.00 = 200.00
    const jan = statement(h, 'amy', '2027-01');
    expect(
      jan.adjustments.map((a) => [a.corrects.period, a.beforeMinor, a.afterMinor, a.deltaMinor]),
    ).toEqual([['2026-11', 30_000, 50_000, 20_000]]);
    expect(statement(h, 'amy', '2026-12').status).toBe('closed');
    expect(statement(h, 'amy', '2026-12').totals.adjustmentsMinor).toBe(30_000);
  });

  it('a late win crossing a tier boundary: marginal and cliff give different deltas', () => {
    const run = (mode: 'marginal' | 'cliff'): IncentiveStatement => {
      const base = specTerms();
      const h = novemberPlan(
        specTerms({
          pool: { ...base.pool, signedRateBp: 0, collectedRateBp: 0 },
          attainment: { ...base.attainment, mode },
        }),
      );
      h.target('p1', 'amy', '2026-11', 20_000_000, 1_000_000, { at: NOV(1) });
      h.win('d1', eur(15_000_000), { at: NOV(5) });
      h.close('p1', '2026-11', { at: DEC(1) });
      h.win('d2', eur(10_000_000), { at: NOV(20), recordedAt: DEC(2) });
      return statement(h, 'amy', '2026-12');
    };
    // frozen: 150,000 / 200,000 = 75 %: both modes 75 % × 100 % × 10,000.00 = 7,500.00
    // now 250,000 / 200,000 = 125 %
    // marginal: 100 % × 100 % + 25 % × 150 % = 137.5 % → 13,750.00, delta 6,250.00
    // cliff: the whole 125 % at 150 % = 187.5 % → 18,750.00, delta 11,250.00
    const marginal = run('marginal').adjustments[0];
    const cliff = run('cliff').adjustments[0];
    expect([marginal?.beforeMinor, marginal?.afterMinor, marginal?.deltaMinor]).toEqual([
      750_000, 1_375_000, 625_000,
    ]);
    expect([cliff?.beforeMinor, cliff?.afterMinor, cliff?.deltaMinor]).toEqual([
      750_000, 1_875_000, 1_125_000,
    ]);
    expect(marginal?.corrects).toEqual({ period: '2026-11', kind: 'attainment', dealId: null });
    expect(marginal?.reason).toBe('win of EUR 100,000.00 recorded 2 Dec for 20 Nov');
  });

  it('a cumulative catch-up restates the signing period; a prospective change counts in its own', () => {
    const run = (kind: string): { nov: IncentiveStatement; dec: IncentiveStatement } => {
      const h = novemberPlan();
      h.win('d1', eur(10_000_000), { at: NOV(5) });
      h.close('p1', '2026-11', { at: DEC(1) });
      h.change('d1', kind, eur(2_000_000), { at: DEC(10) });
      return { nov: statement(h, 'amy', '2026-11'), dec: statement(h, 'amy', '2026-12') };
    };
    // catch-up: November signing is now 120,000 × 10 % = 12,000 → AR 6,000.00 vs 5,000.00 frozen: +1,000.00
    const catchUp = run('cumulative-catch-up');
    expect(catchUp.nov.totals.periodTotalMinor).toBe(500_000);
    expect(catchUp.dec.lines).toEqual([]);
    expect(
      catchUp.dec.adjustments.map((a) => [a.corrects.kind, a.beforeMinor, a.afterMinor, a.deltaMinor]),
    ).toEqual([['signing', 500_000, 600_000, 100_000]]);
    // prospective: 20,000 × 10 % = 2,000 pool, AR 1,000.00 earned in December; November untouched
    const prospective = run('prospective');
    expect(prospective.dec.adjustments).toEqual([]);
    expect(prospective.dec.lines.map((l) => [l.kind, l.period, l.amountMinor])).toEqual([
      ['signing', '2026-12', 100_000],
    ]);
  });

  it('a dispute credit claws back at the original rate and reduces the attainment credit', () => {
    const h = novemberPlan();
    h.target('p1', 'amy', '2026-11', 10_000_000, 100_000, { at: NOV(1) });
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.dispute('d1', eur(-1_000_000), { at: DEC(12) });
    const dec = statement(h, 'amy', '2026-12');
    // clawback: −10,000 × 10 % = −1,000.00 pool; AR −500.00
    expect(dec.lines.map((l) => [l.kind, l.amountMinor])).toEqual([['clawback', -50_000]]);
    // attainment: November was 100 % × 1,000.00 = 1,000.00; now 90,000 / 100,000 = 90 % → 900.00: −100.00
    expect(dec.adjustments.map((a) => [a.corrects.kind, a.beforeMinor, a.afterMinor, a.deltaMinor])).toEqual([
      ['attainment', 100_000, 90_000, -10_000],
    ]);
    expect(dec.totals.periodTotalMinor).toBe(-60_000);
  });

  it('a termination inside the clawback window reverses signing and credit; a negative total is carried forward', () => {
    const h = novemberPlan();
    h.target('p1', 'amy', '2026-11', 10_000_000, 100_000, { at: NOV(1) });
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.terminate('d1', { at: DEC(20) }); // 45 days after signing, window 90
    h.close('p1', '2026-12', { at: JAN(1) });
    const dec = statement(h, 'amy', '2026-12');
    // signing 5,000.00 given back, attainment 1,000.00 → 0: December −6,000.00, nothing payable
    expect(dec.lines.map((l) => [l.kind, l.amountMinor])).toEqual([['clawback', -500_000]]);
    expect(dec.adjustments.map((a) => [a.corrects.kind, a.deltaMinor])).toEqual([['attainment', -100_000]]);
    expect(dec.totals).toMatchObject({
      periodTotalMinor: -600_000,
      payableMinor: 0,
      carriedOutMinor: -600_000,
    });
    // January: earns 2,000.00 on a new win, the −6,000.00 brought forward leaves −4,000.00 still to recover
    h.win('d2', eur(4_000_000), { at: JAN(5) });
    const jan = statement(h, 'amy', '2027-01');
    expect(jan.totals).toMatchObject({
      earnedMinor: 200_000,
      carriedInMinor: -600_000,
      payableMinor: 0,
      carriedOutMinor: -400_000,
    });
  });

  it('a termination outside the window claws nothing back', () => {
    const h = novemberPlan(
      specTerms({ clawback: { terminationWindowDays: 30, writeOffReversesSigning: true } }),
    );
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.terminate('d1', { at: DEC(20) });
    expect(statement(h, 'amy', '2026-11').lines.map((l) => l.kind)).toEqual(['signing']);
    expect(planStatements(ledgerOf(h.events), 'p1').statements.has('amy|2026-12')).toBe(false);
  });

  it('a triangle role reassigned effective in a closed period moves the collection earned after it', () => {
    const h = novemberPlan();
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.payment('d1', eur(1_000_000), { at: NOV(20) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.reassign('d1', 'FR', 'fay', 'fred', { at: NOV(15), recordedAt: DEC(3) });
    // the 20 Nov payment: 10,000 × 5 % = 500.00 pool, FR 20 % = 100.00: fay had it, fred held FR then
    // signing (5 Nov) stays with fay, who held FR at signing
    expect(statement(h, 'fay', '2026-12').adjustments.map((a) => [a.corrects.kind, a.deltaMinor])).toEqual([
      ['collection', -10_000],
    ]);
    expect(statement(h, 'fred', '2026-12').adjustments.map((a) => [a.corrects.kind, a.deltaMinor])).toEqual([
      ['collection', 10_000],
    ]);
    expect(statement(h, 'fred', '2026-12').adjustments[0]?.reason).toBe(
      'triangle role reassigned effective 15 Nov, recorded 3 Dec',
    );
  });

  it('a plan correction effective in a closed period', () => {
    const h = novemberPlan();
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.correct('p1', '2026-11', specTerms({ pool: { ...specTerms().pool, signedRateBp: 1200 } }), {
      at: DEC(3),
    });
    // 100,000 × 12 % = 12,000 pool, AR 6,000.00 vs 5,000.00 frozen
    const adj = statement(h, 'amy', '2026-12').adjustments;
    expect(adj.map((a) => [a.corrects.kind, a.beforeMinor, a.afterMinor, a.deltaMinor])).toEqual([
      ['signing', 500_000, 600_000, 100_000],
    ]);
    expect(adj[0]?.causes.map((c) => c.type)).toEqual(['IncentivePlanCorrected']);
  });

  it('a target change', () => {
    const base = specTerms();
    const h = novemberPlan(specTerms({ pool: { ...base.pool, signedRateBp: 0 } }));
    h.target('p1', 'amy', '2026-11', 20_000_000, 1_000_000, { at: NOV(1) });
    h.win('d1', eur(15_000_000), { at: NOV(5) });
    h.close('p1', '2026-11', { at: DEC(1) });
    h.target('p1', 'amy', '2026-11', 15_000_000, 1_000_000, { at: DEC(2) });
    // 150,000 / 200,000 = 75 % → 7,500.00; against 150,000: 100 % → 10,000.00: +2,500.00
    const adj = statement(h, 'amy', '2026-12').adjustments;
    expect(adj.map((a) => [a.corrects.kind, a.beforeMinor, a.afterMinor, a.deltaMinor])).toEqual([
      ['attainment', 750_000, 1_000_000, 250_000],
    ]);
    expect(adj[0]?.reason).toBe('target changed, recorded 2 Dec');
  });

  it('a write-off reverses signing earnings on the written-off part when the plan says so', () => {
    const h = novemberPlan();
    h.win('d1', eur(10_000_000), { at: NOV(5) });
    const writeOff = h.writeOff('d1', eur(2_000_000), { at: DEC(5) });
    // −20,000 × 10 % = −2,000 pool; AR −1,000.00
    expect(amounts(statement(h, 'amy', '2026-12'))).toEqual({ [`clawback:d1:AR:${writeOff.id}`]: -100_000 });
  });
});
