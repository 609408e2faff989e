import { horizonOf, HorizonError } from './horizon';
import { historical, learnHistory } from './historical';
import { monteCarlo } from './monte-carlo';
import type { ClosedDeal, OpenDeal, PipelineAt } from './pipeline';
import { categoryWeighted, stageWeighted } from './weighted';

const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const asOf = '2026-11-15T00:00:00.000Z';
const q4 = horizonOf('2026-Q4');

function open(dealId: string, fields: Partial<OpenDeal> & Pick<OpenDeal, 'stage' | 'amountMinor'>): OpenDeal {
  return {
    dealId,
    owner: 'ana',
    stageSince: '2026-11-01T00:00:00.000Z',
    segment: 'ordinary',
    category: 'pipeline',
    amount: EUR(fields.amountMinor),
    expectedCloseDate: null,
    ...fields,
  };
}

function closed(
  dealId: string,
  segment: ClosedDeal['segment'],
  outcome: ClosedDeal['outcome'],
  negotiationAt: string,
  closedAt: string,
): ClosedDeal {
  return {
    dealId,
    segment,
    outcome,
    closedAt,
    stages: [{ stage: 'open.negotiation', enteredAt: negotiationAt }],
  };
}

describe('horizons', () => {
  it('are months and quarters as half-open business intervals', () => {
    expect(q4).toEqual({
      period: '2026-Q4',
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(horizonOf('2027-02')).toEqual({
      period: '2027-02',
      from: '2027-02-01T00:00:00.000Z',
      to: '2027-03-01T00:00:00.000Z',
    });
  });

  it.each(['2026-Q5', '2026-13', 'quarter', '2026-4'])('refuse %s naming the field', (value) => {
    expect(() => horizonOf(value)).toThrow(HorizonError);
    expect(() => horizonOf(value)).toThrow(/^horizon must be a month/);
  });
});

describe('stage- and category-weighted forecasts', () => {
  const pipeline: PipelineAt = {
    asOf,
    alreadyWonMinor: 1_000_000,
    closed: [],
    open: [
      open('A', {
        stage: 'open.negotiation',
        amountMinor: 10_000_000,
        category: 'commit',
        expectedCloseDate: '2026-12-10',
      }),
      open('B', {
        stage: 'open.bidSubmitted',
        amountMinor: 5_000_000,
        category: 'best-case',
        expectedCloseDate: '2026-12-20',
      }),
      // Expected in February: outside Q4, in neither weighted forecast.
      open('C', { stage: 'open.validated', amountMinor: 2_000_000, expectedCloseDate: '2027-02-01' }),
      // No expected date: taken as inside; omitted.
      open('D', { stage: 'open.opened', amountMinor: 333, category: 'omitted' }),
    ],
  };

  it('stage-weighted: amount x configured probability of the stage, recorded in the answer', () => {
    const f = stageWeighted(pipeline, q4);
    // A 0.7 x 10,000,000 = 7,000,000; B 0.5 x 5,000,000 = 2,500,000; D 0.05 x 333 = 16.65 -> 17.
    expect(f.contributions.map((c) => [c.dealId, c.probability, c.expectedMinor])).toEqual([
      ['A', 0.7, 7_000_000],
      ['B', 0.5, 2_500_000],
      ['D', 0.05, 17],
    ]);
    expect(f.expectedOpenMinor).toBe(9_500_017);
    expect(f.expectedMinor).toBe(1_000_000 + 9_500_017);
    expect(f.probabilities['open.negotiation']).toBe(0.7);
    expect(f.contributions[0]?.why).toBe('stage open.negotiation: 0.7 (configured)');
  });

  it('stage-weighted with a configured table', () => {
    const f = stageWeighted(pipeline, q4, { 'open.negotiation': 0.5 });
    // A 0.5 x 10,000,000; B and D have no configured probability: 0.
    expect(f.expectedOpenMinor).toBe(5_000_000);
    expect(f.contributions[1]?.why).toBe('stage open.bidSubmitted: no configured probability, 0');
  });

  it('category-weighted: commit 0.9, best case 0.5, omitted 0', () => {
    const f = categoryWeighted(pipeline, q4);
    // A 0.9 x 10,000,000 = 9,000,000; B 0.5 x 5,000,000 = 2,500,000; D 0 x 333 = 0.
    expect(f.contributions.map((c) => c.expectedMinor)).toEqual([9_000_000, 2_500_000, 0]);
    expect(f.expectedMinor).toBe(1_000_000 + 11_500_000);
  });
});

describe('historical forecast', () => {
  // Past deals through negotiation: strategic 2 of 3 won, ordinary 1 of 1 (thin with minDeals 2).
  const past: ClosedDeal[] = [
    closed('h1', 'strategic', 'won', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'), // 31 days
    closed('h2', 'strategic', 'lost', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
    closed('h3', 'strategic', 'won', '2026-04-02T00:00:00.000Z', '2026-07-01T00:00:00.000Z'), // 90 days
    closed('h4', 'ordinary', 'won', '2026-08-01T00:00:00.000Z', '2026-08-11T00:00:00.000Z'), // 10 days
  ];
  const deals = [
    // 14 days in negotiation at asOf: of the wins [10, 31, 90] days, 31 and 90 took longer;
    // 1 Nov + 31 = 2 Dec (in Q4), 1 Nov + 90 = 30 Jan (after): 1 of 2.
    open('A', { stage: 'open.negotiation', segment: 'strategic', amountMinor: 10_000_000 }),
    // 5 days in: all three took longer; 10 Nov + 10 = 20 Nov, + 31 = 11 Dec (in), + 90 = 8 Feb: 2 of 3.
    open('E', { stage: 'open.negotiation', stageSince: '2026-11-10T00:00:00.000Z', amountMinor: 4_000_000 }),
    open('F', { stage: 'open.bidSubmitted', amountMinor: 7_000_000 }),
  ];
  const pipeline: PipelineAt = { asOf, alreadyWonMinor: 0, closed: past, open: deals };

  it('P(win | stage, segment) x P(in horizon | won), with the counts learned from', () => {
    const f = historical(pipeline, q4, learnHistory(past, asOf, 2));
    // A: 2/3 x 1/2 = 1/3 of 10,000,000 = 3,333,333.33 -> 3,333,333.
    // E: ordinary negotiation has 1 closed < 2: pooled 3 of 4 = 0.75; 0.75 x 2/3 = 0.5 of 4,000,000.
    // F: nothing learned for bidSubmitted: 0.
    expect(f.contributions.map((c) => c.expectedMinor)).toEqual([3_333_333, 2_000_000, 0]);
    expect(f.expectedMinor).toBe(5_333_333);
    expect(f.learnedFrom).toBe(4);
    expect(f.contributions[0]?.why).toBe(
      'strategic open.negotiation: 2 of 3 won; closes in horizon in 1 of 2 past wins from open.negotiation',
    );
    expect(f.contributions[1]?.why).toMatch(
      /^ordinary open.negotiation: 1 closed < 2, pooled open.negotiation: 3 of 4 won/,
    );
    expect(f.rates).toEqual([
      { stage: 'open.negotiation', segment: null, closed: 4, won: 3, probability: 0.75, thin: false },
      { stage: 'open.negotiation', segment: 'ordinary', closed: 1, won: 1, probability: 1, thin: true },
      { stage: 'open.negotiation', segment: 'strategic', closed: 3, won: 2, probability: 2 / 3, thin: false },
    ]);
    expect(f.timeToClose).toEqual([
      { stage: 'open.negotiation', samples: 3, pooled: false, p10Days: 14.2, p50Days: 31, p90Days: 78.2 },
    ]);
  });

  it('a large deal won after asOf leaves the historical rate unchanged', () => {
    const later = closed('huge', 'strategic', 'won', '2026-11-02T00:00:00.000Z', '2026-11-20T00:00:00.000Z');
    const withLater = { ...pipeline, closed: [...past, later] };
    const before = historical(pipeline, q4, learnHistory(past, asOf, 2));
    const after = historical(withLater, q4, learnHistory(withLater.closed, asOf, 2));
    expect(after).toEqual(before);
    // Learned at a later asOf it does count: strategic negotiation becomes 3 of 4.
    const rates = historical(
      withLater,
      q4,
      learnHistory(withLater.closed, '2026-11-21T00:00:00.000Z', 2),
    ).rates;
    expect(rates.find((r) => r.segment === 'strategic')).toMatchObject({ closed: 4, won: 3 });
  });

  describe('Monte Carlo', () => {
    const history = learnHistory(past, asOf, 2);
    const small: PipelineAt = { ...pipeline, alreadyWonMinor: 500, open: deals.slice(0, 2) };

    it('same seed, same answer; another seed, other draws', () => {
      const a = monteCarlo(small, q4, { seed: 42, history });
      expect(monteCarlo(small, q4, { seed: 42, history })).toEqual(a);
      expect(monteCarlo(small, q4, { seed: 43, history }).meanMinor).not.toBe(a.meanMinor);
      expect(a.trials).toBe(10_000);
    });

    it('quantiles and mean agree with the analytic distribution', () => {
      const f = monteCarlo(small, q4, { seed: 7, history });
      // A wins in Q4 with p = 1/3 (10,000,000), E with p = 1/2 (4,000,000), independently:
      // P(0) = 2/3 x 1/2 = 1/3, P(4e6) = 1/3, P(1e7) = 1/6, P(1.4e7) = 1/6; plus 500 already won.
      expect([f.p10Minor, f.p50Minor, f.p90Minor]).toEqual([500, 4_000_500, 14_000_500]);
      // Mean: 500 + 1e7/3 + 2e6 = 5,333,833.33. Standard error over 10,000 trials:
      // sqrt(1e14 x 1/3 x 2/3 + 1.6e13 x 1/4) / 100 = sqrt(2.6222e13) / 100 = 51,208; tolerance 4 of them.
      const analytic = 500 + 1e7 / 3 + 2e6;
      const se = Math.sqrt(1e14 * (1 / 3) * (2 / 3) + 1.6e13 * 0.25) / Math.sqrt(10_000);
      expect(Math.abs(f.meanMinor - analytic)).toBeLessThan(4 * se);
      expect(f.contributions.map((c) => c.dealId)).toEqual(['A', 'E']);
      expect(Math.abs((f.contributions[0]?.probability ?? 0) - 1 / 3)).toBeLessThan(0.02);
    });

    it('refuses a trial count that is not a positive integer', () => {
      expect(() => monteCarlo(small, q4, { trials: 0, history })).toThrow(
        'trials must be a positive integer',
      );
    });
  });
});
