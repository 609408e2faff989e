import { ledgerOf, type HistoryEvent } from './incentive-history';
import { eur, HistoryBuilder, specTerms } from './incentive-history.testing';
import { payrollExport, planPeriods } from './plan-periods';

const NOV = (d: number): string => `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`;
const DEC = (d: number): string => `2026-12-${String(d).padStart(2, '0')}T10:00:00Z`;

/** A period opened by ops (the builder has no helper for it): the next event of the log. */
function opened(h: HistoryBuilder, planId: string, period: string, at: string): void {
  const last = h.events[h.events.length - 1] as HistoryEvent;
  h.events.push({
    ...last,
    id: `e${h.events.length + 1}`,
    type: 'IncentivePeriodOpened',
    streamId: `incentive-period-${planId}.${period}`,
    position: String(h.events.length + 1).padStart(20, '0'),
    actor: 'ops',
    occurredAt: at,
    recordedAt: at,
    data: { planId, period, from: at, to: at },
  });
}

// November: d1 signed 10,000.00 (10 % = pool 1,000.00: amy AR 500.00, sam SR 300.00, fay FR 200.00) and
// paid 4,000.00 (5 % = 200.00: 100.00 / 60.00 / 40.00); November closed on 1 Dec. December: a payment
// of 2,000.00 recorded 3 Dec for 28 Nov (5 % = 100.00: +50.00 / +30.00 / +20.00, adjustments of the
// closed November) and d1 terminated on 10 Dec, inside the 90-day window: the signing shares given back.
function history(): HistoryBuilder {
  const h = new HistoryBuilder();
  h.plan('p1', '2026-11', specTerms(), { at: NOV(1) });
  h.win('d1', eur(1_000_000), { at: NOV(5) });
  h.payment('d1', eur(400_000), { at: NOV(20) });
  h.close('p1', '2026-11', { at: DEC(1) });
  h.payment('d1', eur(200_000), { at: NOV(28), recordedAt: DEC(3) });
  h.terminate('d1', { at: DEC(10) });
  opened(h, 'p1', '2027-01', DEC(31));
  return h;
}

describe('the periods of a plan and the payroll export', () => {
  it('lists every period, oldest first: closed (at which position, by whom) or open, with each person’s totals', () => {
    const h = history();
    const close = h.events.find((e) => e.type === 'IncentivePeriodClosed');
    const answer = planPeriods(ledgerOf(h.events), 'p1');
    expect(answer).toEqual({
      planId: 'p1',
      currency: 'EUR',
      periods: [
        {
          period: '2026-11',
          status: 'closed',
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-12-01T00:00:00.000Z',
          closedBy: 'ops',
          frozenAt: close?.position,
          // amy 500.00 + 100.00, fay 200.00 + 40.00, sam 300.00 + 60.00
          totals: [
            { personId: 'amy', periodTotalMinor: 60_000, payableMinor: 60_000, carriedOutMinor: 0 },
            { personId: 'fay', periodTotalMinor: 24_000, payableMinor: 24_000, carriedOutMinor: 0 },
            { personId: 'sam', periodTotalMinor: 36_000, payableMinor: 36_000, carriedOutMinor: 0 },
          ],
        },
        {
          period: '2026-12',
          status: 'open',
          from: '2026-12-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
          closedBy: null,
          frozenAt: null,
          // amy −500.00 + 50.00 = −450.00, fay −200.00 + 20.00, sam −300.00 + 30.00: recoveries carried out
          totals: [
            { personId: 'amy', periodTotalMinor: -45_000, payableMinor: 0, carriedOutMinor: -45_000 },
            { personId: 'fay', periodTotalMinor: -18_000, payableMinor: 0, carriedOutMinor: -18_000 },
            { personId: 'sam', periodTotalMinor: -27_000, payableMinor: 0, carriedOutMinor: -27_000 },
          ],
        },
        // opened, nothing earned yet: listed without totals (the statements carry the balances in)
        expect.objectContaining({ period: '2027-01', status: 'open', closedBy: null }),
      ],
    });
    expect(planPeriods(ledgerOf(h.events), 'nope')).toBeUndefined();
  });

  it('exports a row per person: earned, adjustments, carried in, total to pay, carried out, to the cent', () => {
    const ledger = ledgerOf(history().events);
    expect(payrollExport(ledger, 'p1', '2026-11')).toEqual({
      ok: true,
      csv:
        'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\n' +
        'amy,2026-11,EUR,closed,600.00,0.00,0.00,600.00,0.00\n' +
        'fay,2026-11,EUR,closed,240.00,0.00,0.00,240.00,0.00\n' +
        'sam,2026-11,EUR,closed,360.00,0.00,0.00,360.00,0.00\n',
    });
    // December: earned −500.00 (the clawback), adjustments +50.00: −450.00, nothing to pay, −450.00 carried
    expect(payrollExport(ledger, 'p1', '2026-12')).toEqual({
      ok: true,
      csv:
        'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\n' +
        'amy,2026-12,EUR,open,-500.00,50.00,0.00,0.00,-450.00\n' +
        'fay,2026-12,EUR,open,-200.00,20.00,0.00,0.00,-180.00\n' +
        'sam,2026-12,EUR,open,-300.00,30.00,0.00,0.00,-270.00\n',
    });
    expect(payrollExport(ledger, 'nope', '2026-11')).toEqual({ ok: false, missing: 'plan' });
    expect(payrollExport(ledger, 'p1', '2026-05')).toEqual({ ok: false, missing: 'period' });
  });
});
