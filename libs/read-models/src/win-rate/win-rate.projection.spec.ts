import { DealScript, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { winRateProjection } from './win-rate.projection';
import { lossReport, winRates } from './win-rate.queries';

// Five deals in EUR (day 0 = 2026-01-01; day 68 = 2026-03-10):
//   w1 ann (AR ann, SR sam, FR fay) strategic new       won        120,000.00  on d68  (March)
//   w2 ann (AR ann, SR sam, FR fay) strategic new       lost        80,000.00  on d78  (March)  price, Globex
//   w3 sam (AR sam, SR ann, FR fay) ordinary existing   won         40,000.00  on d91  (April)
//   w4 sam (AR sam, SR ann, FR fay) ordinary existing   abandoned   10,000.00  on d94  (April)
//   w5 ann (AR ann, SR sam, FR fay) ordinary existing   lost     2,000,000.00  on d109 (April)  price, Initech
function worked(): History {
  const h = new History();
  const samLed = { AR: 'sam', SR: 'ann', FR: 'fay' };
  new DealScript(h, 'w1', { owner: 'ann', amount: eur(12_000_000) }).open(0).toBid(1).win(68);
  new DealScript(h, 'w2', { owner: 'ann', amount: eur(8_000_000) })
    .open(0)
    .toBid(1)
    .lose(78, 'price', 'Globex');
  const ordinary = { segment: 'ordinary', customerType: 'existing' } as const;
  new DealScript(h, 'w3', { owner: 'sam', amount: eur(4_000_000), triangle: samLed, ...ordinary })
    .open(0)
    .toBid(1)
    .win(91);
  new DealScript(h, 'w4', { owner: 'sam', amount: eur(1_000_000), triangle: samLed, ...ordinary })
    .open(0)
    .validate(1)
    .abandon(94, 'budget frozen');
  new DealScript(h, 'w5', { owner: 'ann', amount: eur(200_000_000), ...ordinary })
    .open(0)
    .toBid(1)
    .lose(109, 'price', 'Initech');
  return h;
}

describe('win-rate projection: a worked example', () => {
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => (run = await projected(worked(), [winRateProjection])));
  afterAll(() => run.close());
  const rates = (query: Parameters<typeof winRates>[1]) => winRates(run.model(winRateProjection), query);
  const pick = (r: ReturnType<typeof rates>) =>
    r.groups.map((g) => [g.key, g.won, g.lost, g.abandoned, g.winRate]);

  it('in total: won 2 / (won 2 + lost 2) = 0.5; the abandoned deal is counted apart, never as lost', () => {
    expect(rates({ by: 'rep' }).total).toEqual({
      key: 'all',
      won: 2,
      lost: 2,
      abandoned: 1,
      winRate: 0.5,
      wonAmount: [eur(12_000_000 + 4_000_000)], // 160,000.00
      lostAmount: [eur(8_000_000 + 200_000_000)], // 2,080,000.00
      abandonedAmount: [eur(1_000_000)],
    });
  });

  it('by rep: ann 1 / (1 + 2) = 0.3333, sam 1 / (1 + 0) = 1', () => {
    expect(pick(rates({ by: 'rep' }))).toEqual([
      ['ann', 1, 2, 0, 0.3333],
      ['sam', 1, 0, 1, 1],
    ]);
  });

  it('by role on the deal: ann as AR 1 / 3, as SR 1 / 1; fay as FR 2 / 4', () => {
    expect(pick(rates({ by: 'role' }))).toEqual([
      ['AR:ann', 1, 2, 0, 0.3333],
      ['AR:sam', 1, 0, 1, 1],
      ['FR:fay', 2, 2, 1, 0.5],
      ['SR:ann', 1, 0, 1, 1],
      ['SR:sam', 1, 2, 0, 0.3333],
    ]);
  });

  it('by team, segment, customer type, size band and month of closing', () => {
    const teamOf = (user: string) => (user === 'ann' ? 'east' : 'west');
    expect(pick(rates({ by: 'team', teamOf }))).toEqual([
      ['east', 1, 2, 0, 0.3333],
      ['west', 1, 0, 1, 1],
    ]);
    expect(pick(rates({ by: 'segment' }))).toEqual([
      ['ordinary', 1, 1, 1, 0.5],
      ['strategic', 1, 1, 0, 0.5],
    ]);
    expect(pick(rates({ by: 'customerType' }))).toEqual([
      ['existing', 1, 1, 1, 0.5],
      ['new', 1, 1, 0, 0.5],
    ]);
    // w2 80k, w3 40k, w4 10k under 100k; w1 120k in 100k-1M; w5 2M in 1M-10M
    expect(pick(rates({ by: 'sizeBand' }))).toEqual([
      ['under 100k', 1, 1, 1, 0.5],
      ['100k to 1M', 1, 0, 0, 1],
      ['1M to 10M', 0, 1, 0, 0],
    ]);
    expect(pick(rates({ by: 'period' }))).toEqual([
      ['2026-03', 1, 1, 0, 0.5],
      ['2026-04', 1, 1, 1, 0.5],
    ]);
    expect(pick(rates({ by: 'period', periodUnit: 'quarter' }))).toEqual([
      ['2026-Q1', 1, 1, 0, 0.5],
      ['2026-Q2', 1, 1, 1, 0.5],
    ]);
  });

  it('filters by period of closing and by owner', () => {
    expect(rates({ by: 'rep', period: { from: '2026-04-01', to: '2026-05-01' } }).total).toMatchObject({
      won: 1,
      lost: 1,
      abandoned: 1,
    });
    expect(rates({ by: 'rep', filter: { owner: 'sam' } }).total).toMatchObject({
      won: 1,
      lost: 0,
      winRate: 1,
    });
  });

  it('ranks loss reasons and competitors; abandoned deals apart with the stage they ended in', () => {
    expect(lossReport(run.model(winRateProjection))).toEqual({
      lost: 2,
      reasons: [{ value: 'price', count: 2, amount: [eur(208_000_000)] }],
      competitors: [
        { value: 'Globex', count: 1, amount: [eur(8_000_000)] },
        { value: 'Initech', count: 1, amount: [eur(200_000_000)] },
      ],
      stages: [{ value: 'open.bidSubmitted', count: 2, amount: [eur(208_000_000)] }],
      abandoned: {
        count: 1,
        reasons: [{ value: 'budget frozen', count: 1, amount: [eur(1_000_000)] }],
        stages: [{ value: 'open.validated', count: 1, amount: [eur(1_000_000)] }],
      },
    });
  });
});

describe('win-rate projection: a loss without a named competitor', () => {
  // n1 lost to Globex (5,000.00); n2 lost with no competitor recorded (the event holds '') (7,000.00).
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => {
    const h = new History();
    new DealScript(h, 'n1', { owner: 'ann', amount: eur(500_000) })
      .open(0)
      .toBid(1)
      .lose(60, 'price', 'Globex');
    new DealScript(h, 'n2', { owner: 'ann', amount: eur(700_000) }).open(0).toBid(1).lose(61, 'scope', '');
    run = await projected(h, [winRateProjection]);
  });
  afterAll(() => run.close());

  it('counts it as lost and ranks its reason, but leaves it out of the competitor ranking', () => {
    const report = lossReport(run.model(winRateProjection));
    expect(report.lost).toBe(2);
    expect(report.reasons.map((r) => r.value)).toEqual(['price', 'scope']);
    expect(report.competitors).toEqual([{ value: 'Globex', count: 1, amount: [eur(500_000)] }]);
  });
});
