import { cny, DealScript, day, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { funnelProjection } from './funnel.projection';
import { funnelReport, funnelStages } from './funnel.queries';

/** Someone in the team for all time (the spells `OrgTimeline.spellsIn` gives). */
const always = (person: string) => ({ person, from: null, to: null });

// Four deals, day 0 = 2026-01-01 (times in whole days):
//   o1 ann  EUR 100,000.00  opened d0, validated d2, approval requested d3, passed d4 -> pre-bid guidance
//   o2 sam  EUR  50,000.00  opened d1, validated d5, approval requested d6, rejected d7 -> validated again
//   o3 ann  EUR  30,000.00  opened d2, validated d8, abandoned d9
//   o4 fay  CNY 200,000.00  opened d3, nothing since
// Read on d40 with stalledDays = 30.
function worked(): History {
  const h = new History();
  new DealScript(h, 'o1', { owner: 'ann', amount: eur(10_000_000) })
    .open(0)
    .validate(2)
    .requestGate(3, 'opportunityApproval')
    .passGate(4, 'opportunityApproval', 'open.preBidGuidance');
  new DealScript(h, 'o2', {
    owner: 'sam',
    amount: eur(5_000_000),
    segment: 'ordinary',
    customerType: 'existing',
  })
    .open(1)
    .validate(5)
    .requestGate(6, 'opportunityApproval')
    .rejectGate(7, 'opportunityApproval', 'open.validated');
  new DealScript(h, 'o3', { owner: 'ann', amount: eur(3_000_000), customerType: 'existing' })
    .open(2)
    .validate(8)
    .abandon(9, 'budget frozen');
  new DealScript(h, 'o4', {
    owner: 'fay',
    amount: cny(20_000_000),
    triangle: { AR: 'fay', SR: 'ann', FR: 'sam' },
  }).open(3);
  return h;
}

describe('funnel projection: a worked example', () => {
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => (run = await projected(worked(), [funnelProjection])));
  afterAll(() => run.close());

  const report = (query: Partial<Parameters<typeof funnelReport>[1]> = {}) =>
    funnelReport(run.model(funnelProjection), { now: day(40), stalledDays: 30, ...query });
  const stage = (r: ReturnType<typeof report>, name: string) => r.stages.find((s) => s.stage === name)!;

  it('lists the stages in the order the opportunity machine defines them', () => {
    expect(funnelStages()).toEqual([
      'open.opened',
      'open.validated',
      'open.opportunityApproval',
      'open.preBidGuidance',
      'open.solutionConsensus',
      'open.bidPreparation',
      'open.quoteReview',
      'open.bidReady',
      'open.bidSubmitted',
      'open.negotiation',
      'open.requoteReview',
      'won',
      'lost',
      'abandoned',
    ]);
  });

  it('opened: o4 still there; 4 entries, 3 exits all forward; stays 2, 4 and 6 days', () => {
    // median of [2, 4, 6] = 4; p90: rank 0.9 * (3 - 1) = 1.8 -> 4 + 0.8 * (6 - 4) = 5.6
    expect(stage(report(), 'open.opened')).toEqual({
      stage: 'open.opened',
      deals: 1,
      amount: [cny(20_000_000)],
      entered: 4,
      exited: 3,
      conversion: 1,
      timeInStage: { stays: 3, medianDays: 4, p90Days: 5.6 },
      stalled: 1, // o4: d3 -> d40 = 37 days > 30
    });
  });

  it('validated: entered by o1, o2, o3 and o2 again; left by o1 and o2 forward, o3 to abandoned', () => {
    // conversion = 2 forward / 3 exits = 0.6667; every stay was one day (d2-d3, d5-d6, d8-d9)
    expect(stage(report(), 'open.validated')).toEqual({
      stage: 'open.validated',
      deals: 1,
      amount: [eur(5_000_000)],
      entered: 4,
      exited: 3,
      conversion: 0.6667,
      timeInStage: { stays: 3, medianDays: 1, p90Days: 1 },
      stalled: 1, // o2 back since d7: 33 days
    });
  });

  it('opportunity approval: o1 passed (forward), o2 rejected (back): conversion 1 / 2', () => {
    expect(stage(report(), 'open.opportunityApproval')).toMatchObject({
      deals: 0,
      entered: 2,
      exited: 2,
      conversion: 0.5,
      timeInStage: { stays: 2, medianDays: 1, p90Days: 1 },
    });
    expect(report().moves.filter((m) => m.from === 'open.opportunityApproval')).toEqual([
      { from: 'open.opportunityApproval', to: 'open.preBidGuidance', count: 1, rate: 0.5 },
      { from: 'open.opportunityApproval', to: 'open.validated', count: 1, rate: 0.5 },
    ]);
  });

  it('totals the open pipeline per currency, never across currencies, and lists stalled deals longest first', () => {
    const r = report();
    // open: o1 (EUR 100,000.00) + o2 (EUR 50,000.00) = EUR 150,000.00; o4 CNY 200,000.00
    expect(r.totals).toEqual({
      open: 3,
      amount: [cny(20_000_000), eur(15_000_000)],
      won: 0,
      lost: 0,
      abandoned: 1,
    });
    expect(r.stalled.map((s) => [s.opportunityId, s.stage, s.days])).toEqual([
      ['o4', 'open.opened', 37],
      ['o1', 'open.preBidGuidance', 36],
      ['o2', 'open.validated', 33],
    ]);
    expect(stage(r, 'abandoned')).toMatchObject({ deals: 1, entered: 1, amount: [eur(3_000_000)] });
  });

  it('counts only the moves of a period: [d5, d8) holds o2 validated (d5), to approval (d6), back (d7)', () => {
    const r = report({ period: { from: day(5), to: day(8) } });
    expect(stage(r, 'open.validated')).toMatchObject({ entered: 2, exited: 1, conversion: 1 });
    expect(stage(r, 'open.opportunityApproval')).toMatchObject({ entered: 1, exited: 1, conversion: 0 });
    expect(stage(r, 'open.opened')).toMatchObject({ entered: 0, exited: 1 }); // o2 left opened on d5
  });

  it('filters by owner, role holder, team, segment and customer type', () => {
    const deals = (filter: Parameters<typeof report>[0]) =>
      report(filter).stages.reduce((n, s) => n + s.deals, 0);
    expect(deals({ filter: { owner: 'ann' } })).toBe(2); // o1, o3
    expect(deals({ filter: { person: 'ann', role: 'SR' } })).toBe(1); // o4's SR
    expect(deals({ filter: { person: 'ann' } })).toBe(3); // owns o1, o3; SR on o4
    expect(deals({ filter: { team: [always('sam'), always('fay')] } })).toBe(2); // owners o2, o4
    expect(deals({ filter: { segment: 'ordinary' } })).toBe(1); // o2
    expect(deals({ filter: { customerType: 'existing' } })).toBe(2); // o2, o3
    expect(deals({ filter: { visibleTo: ['fay'] } })).toBe(4); // fay is FR on o1-o3 and owns o4
  });

  it('a team counts the moves its members made while in it, and the deals they hold at the instant', () => {
    // ann joins the team on d5 (a move from another team): o1's moves (d0, d2, d3, d4) are before it,
    // o3's validation (d8) and abandonment (d9) after it. sam is in the team until d6: o2's validation
    // (d5) counts, its approval request (d6) and rejection (d7) do not.
    const team = [
      { person: 'ann', from: day(5), to: null },
      { person: 'sam', from: null, to: day(6) },
    ];
    const r = report({ filter: { team } });
    // Moves: o2 opened (d1), opened->validated (d5); o3 opened->validated (d8), ->abandoned (d9).
    // o3's opening (d2) was before ann joined, o4 is fay's.
    expect(stage(r, 'open.validated')).toMatchObject({ entered: 2, exited: 1 }); // o2, o3 in; o3 out
    expect(stage(r, 'open.opened')).toMatchObject({ entered: 1, exited: 2 }); // o2 d1 in; o2 d5, o3 d8 out
    expect(stage(r, 'abandoned')).toMatchObject({ entered: 1 }); // o3 d9
    expect(stage(r, 'open.opportunityApproval')).toMatchObject({ entered: 0, exited: 0 }); // o1 d3, o2 d6: outside
    expect(r.totals.abandoned).toBe(1);
    // Deals now (d40): ann's o1 and o3 (she is in the team on d40); sam left on d6, so o2 is not.
    expect(stage(r, 'open.preBidGuidance').deals).toBe(1); // o1
    expect(stage(r, 'abandoned').deals).toBe(1); // o3
    expect(stage(r, 'open.validated').deals).toBe(0); // o2 is sam's
  });
});
