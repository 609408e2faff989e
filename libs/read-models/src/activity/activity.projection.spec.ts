import type { Event } from '@ltc/domain';
import { DealScript, day, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { activityProjection } from './activity.projection';
import { activityReport } from './activity.queries';

const captured = (source: string, capturedBy: string): Event => ({
  type: 'LeadCaptured',
  data: {
    customerId: 'c1',
    source,
    title: 'Storage',
    contact: { name: 'Li', role: null, phone: null, email: null },
    estimatedAmount: eur(1_000_000),
    capturedBy,
  },
});
const touch = (channel: string, n: number): Event => ({
  type: 'LeadTouchRecorded',
  data: { channel, note: '', touchedAt: day(n) },
});
const qualified: Event = {
  type: 'LeadQualified',
  data: {
    budget: { amount: eur(1_000_000), paymentTerms: 'net 30' },
    authority: { decisionProcess: 'CFO signs', keyPerson: 'Li', decisionMaker: 'CFO' },
    need: {
      realNeed: 'storage',
      supplierQualification: 'ISO',
      productStandards: 'GB',
      deliveryStandards: '8 weeks',
    },
    time: { projectApprovalDate: '2026-01-01', needFoundDate: '2026-01-01', decisionDate: '2026-03-01' },
    grade: 'hot',
  },
};

// January (d0-d30) and February (d31-):
//   l1 captured by ops (d0), to ann (d0), visit d1, call d2, qualified d3, converted d4
//   l2 captured by ann (d0), to ann (d1), email d2, disqualified d5
//   l3 captured by ops (d10), to sam (d10), call d40, qualified d41, disqualified d45
//   customer c1: ann visits it directly on d3; a touch the process manager mirrored from a lead (d1) is
//   not counted twice. ann opens one opportunity on d5.
function worked(): History {
  const h = new History();
  h.add('customer-c1', day(0), 'ann', {
    type: 'CustomerRegistered',
    data: { name: 'ACME', segment: 'ordinary' },
  });
  h.add('lead-l1', day(0), 'ops', captured('referral', 'ops'));
  h.add('lead-l1', day(0), 'bob', { type: 'LeadAssigned', data: { owner: 'ann' } });
  h.add('lead-l1', day(1), 'ann', touch('visit', 1));
  h.caused('some-touch-event', 'customer-c1', day(1), {
    type: 'CustomerTouchRecorded',
    data: { channel: 'visit', note: 'mirrored', touchedAt: day(1), by: 'ann' },
  });
  h.add('lead-l1', day(2), 'ann', touch('call', 2));
  h.add('lead-l1', day(3), 'ann', qualified);
  h.add('customer-c1', day(3), 'ann', {
    type: 'CustomerTouchRecorded',
    data: { channel: 'visit', note: 'direct', touchedAt: day(3), by: 'ann' },
  });
  h.add('lead-l1', day(4), 'ann', {
    type: 'LeadConverted',
    data: { opportunityId: 'o1', convertibleGrades: ['hot'] },
  });
  h.add('lead-l2', day(0), 'ann', captured('event', 'ann'));
  h.add('lead-l2', day(1), 'bob', { type: 'LeadAssigned', data: { owner: 'ann' } });
  h.add('lead-l2', day(2), 'ann', touch('email', 2));
  h.add('lead-l2', day(5), 'ann', { type: 'LeadDisqualified', data: { reason: 'no budget' } });
  h.add('lead-l3', day(10), 'ops', captured('referral', 'ops'));
  h.add('lead-l3', day(10), 'bob', { type: 'LeadAssigned', data: { owner: 'sam' } });
  h.add('lead-l3', day(40), 'sam', touch('call', 40));
  h.add('lead-l3', day(41), 'sam', qualified);
  h.add('lead-l3', day(45), 'sam', { type: 'LeadDisqualified', data: { reason: 'budget moved' } });
  new DealScript(h, 'o1', { owner: 'ann', amount: eur(1_000_000) }).open(5);
  return h;
}

describe('activity projection: process measures per rep and period, a worked example', () => {
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => (run = await projected(worked(), [activityProjection])));
  afterAll(() => run.close());
  const report = (query: Parameters<typeof activityReport>[1] = {}) =>
    activityReport(run.model(activityProjection), query);

  it('per rep and month: touches by channel, leads, conversion = converted / (converted + disqualified)', () => {
    expect(report()).toEqual([
      {
        rep: 'ann',
        period: '2026-01',
        // visit: lead d1 + customer d3 (the mirrored customer touch is not counted again) = 2; call 1; email 1
        touches: { visit: 2, call: 1, email: 1 },
        touchesTotal: 4,
        leads: { captured: 1, received: 2, qualified: 1, converted: 1, disqualified: 1 },
        conversionRate: 0.5, // 1 / (1 + 1)
        opportunities: { opened: 1, won: 0, lost: 0 },
      },
      {
        rep: 'ops',
        period: '2026-01',
        touches: {},
        touchesTotal: 0,
        leads: { captured: 2, received: 0, qualified: 0, converted: 0, disqualified: 0 },
        conversionRate: null,
        opportunities: { opened: 0, won: 0, lost: 0 },
      },
      expect.objectContaining({
        rep: 'sam',
        period: '2026-01',
        leads: expect.objectContaining({ received: 1 }),
      }),
      expect.objectContaining({
        rep: 'sam',
        period: '2026-02',
        touches: { call: 1 },
        leads: { captured: 0, received: 0, qualified: 1, converted: 0, disqualified: 1 },
        conversionRate: 0, // 0 / (0 + 1)
      }),
    ]);
  });

  it('by quarter, for some reps, within days', () => {
    expect(
      report({ unit: 'quarter', reps: ['sam'] }).map((r) => [r.period, r.touchesTotal, r.leads.received]),
    ).toEqual([['2026-Q1', 1, 1]]);
    expect(
      report({ unit: 'day', reps: ['ann'], from: '2026-01-02', to: '2026-01-04' }).map((r) => [
        r.period,
        r.touches,
      ]),
    ).toEqual([
      ['2026-01-02', { visit: 1 }],
      ['2026-01-03', { call: 1, email: 1 }], // l1's call and l2's email on d2
    ]);
  });
});
