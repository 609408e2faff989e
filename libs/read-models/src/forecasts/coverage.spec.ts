import { coverageOf } from './forecast';
import { horizonOf } from './horizon';
import type { OpenDeal, PipelineAt } from './pipeline';
import type { RecordedRateTable } from './rates';
import {
  targetsInForce,
  type RecordedPlanRetirement,
  type RecordedPlanTerms,
  type RecordedTarget,
} from './targets';

const q4 = horizonOf('2026-Q4');
const asOf = '2026-11-15T00:00:00.000Z';
let position = 0;
const logged = (n: string, occurredAt: string, recordedAt = occurredAt) => ({
  eventId: n,
  position: String(++position).padStart(20, '0'),
  occurredAt,
  recordedAt,
});
const plan = (planId: string, effectiveFrom: string, currency: string): RecordedPlanTerms => ({
  ...logged(`${planId}-terms`, '2026-01-02T00:00:00.000Z'),
  planId,
  effectiveFrom,
  currency,
});
const target = (
  n: string,
  planId: string,
  personId: string,
  period: string,
  targetMinor: number,
  occurredAt = '2026-10-01T09:00:00.000Z',
  recordedAt = occurredAt,
): RecordedTarget => ({ ...logged(n, occurredAt, recordedAt), planId, personId, period, targetMinor });

const terms = [
  plan('p-eur', '2026-01', 'EUR'),
  plan('p-usd', '2026-Q1', 'USD'),
  plan('p-gbp', '2026-Q1', 'GBP'),
];
const targets = [
  target('t1', 'p-eur', 'ana', '2026-10', 1_000_000),
  target('t2', 'p-eur', 'ana', '2026-11', 1_200_000),
  // ana's November target raised on 2 Nov, recorded on 3 Nov: the latest set replaces t2.
  target('t3', 'p-eur', 'ana', '2026-11', 1_500_000, '2026-11-02T09:00:00.000Z', '2026-11-03T09:00:00.000Z'),
  target('t4', 'p-eur', 'ben', '2026-10', 800_000),
  target('t5', 'p-usd', 'cy', '2026-Q4', 2_000_000),
  target('t6', 'p-gbp', 'dan', '2026-Q4', 500_000),
  // Set on 20 Nov, after asOf: not in force on the 15th.
  target('t7', 'p-eur', 'ana', '2026-12', 900_000, '2026-11-20T09:00:00.000Z'),
  // September is not inside Q4.
  target('t8', 'p-eur', 'ana', '2026-09', 700_000),
];
const plans = { terms, retirements: [] as RecordedPlanRetirement[] };
const table: RecordedRateTable = {
  ...logged('rates', '2026-10-01T08:00:00.000Z'),
  base: 'EUR',
  effectiveFrom: '2026-10-01',
  rates: { USD: '0.9235' },
  note: '',
};

const deal = (dealId: string, amountMinor: number, expectedCloseDate: string | null): OpenDeal => ({
  dealId,
  owner: 'ana',
  stage: 'open.negotiation',
  stageSince: '2026-10-01T00:00:00.000Z',
  segment: 'ordinary',
  category: 'pipeline',
  amount: { amountMinor, currency: 'EUR' },
  amountMinor,
  expectedCloseDate,
});
const pipeline: PipelineAt = {
  asOf,
  closed: [],
  alreadyWonMinor: 1_147_000,
  open: [
    deal('A', 3_000_000, '2026-12-01'),
    deal('B', 2_500_000, '2026-12-20'),
    // Expected in February: outside the horizon, not counted.
    deal('C', 1_000_000, '2027-02-01'),
  ],
};
const ids = (list: readonly { eventId: string }[]) => list.map((t) => t.eventId);

describe('the targets in force for a horizon', () => {
  it('are the latest set per person and period inside the horizon, by asOf, in their plan currency', () => {
    const found = targetsInForce(targets, plans, { horizon: q4, asOf });
    expect(ids(found)).toEqual(['t1', 't4', 't3', 't5', 't6']);
    expect(found.find((t) => t.eventId === 't5')).toEqual({
      personId: 'cy',
      planId: 'p-usd',
      period: '2026-Q4',
      amount: { amountMinor: 2_000_000, currency: 'USD' },
      eventId: 't5',
    });
  });

  it('as known before the raise was recorded, November is the first target', () => {
    const found = targetsInForce(targets, plans, {
      horizon: q4,
      asOf,
      knownAt: { instant: '2026-11-02T12:00:00.000Z' },
    });
    expect(ids(found)).toEqual(['t1', 't4', 't2', 't5', 't6']);
  });

  it("of a team: its members' at each period's start; of an owner: theirs; within what the reader sees", () => {
    // ben joined east on 1 Nov: his October target is not the team's.
    const east = [
      { person: 'ana', from: null, to: null },
      { person: 'ben', from: '2026-11-01T00:00:00.000Z', to: null },
    ];
    expect(ids(targetsInForce(targets, plans, { horizon: q4, asOf, scope: { team: east } }))).toEqual([
      't1',
      't3',
    ]);
    expect(ids(targetsInForce(targets, plans, { horizon: q4, asOf, scope: { owner: 'ben' } }))).toEqual([
      't4',
    ]);
    expect(
      ids(targetsInForce(targets, plans, { horizon: q4, asOf, scope: { visibleTo: ['cy', 'dan'] } })),
    ).toEqual(['t5', 't6']);
  });

  it('a month horizon holds its month only; a retired plan has no targets after it', () => {
    expect(ids(targetsInForce(targets, plans, { horizon: horizonOf('2026-11'), asOf }))).toEqual(['t3']);
    const retired = {
      ...logged('retire', '2026-09-30T00:00:00.000Z'),
      planId: 'p-usd',
      effectiveAfter: '2026-Q3',
    };
    expect(ids(targetsInForce(targets, { terms, retirements: [retired] }, { horizon: q4, asOf }))).toEqual([
      't1',
      't4',
      't3',
      't6',
    ]);
  });

  it('takes the currency of the terms in force for the period (a correction from a later period on)', () => {
    const corrected = { ...plan('p-eur', '2026-11', 'USD') };
    const found = targetsInForce(
      targets,
      { terms: [...terms, corrected], retirements: [] },
      {
        horizon: q4,
        asOf,
        scope: { owner: 'ana' },
      },
    );
    expect(found.map((t) => [t.period, t.amount.currency])).toEqual([
      ['2026-10', 'EUR'],
      ['2026-11', 'USD'],
    ]);
  });
});

describe('pipeline coverage against the targets', () => {
  it('converts each target at the table in force, lists one without a rate, and divides', () => {
    const coverage = coverageOf(pipeline, q4, {
      targets: targetsInForce(targets, plans, { horizon: q4, asOf }),
      currency: 'EUR',
      table,
    });
    // USD 20,000.00 x 0.9235 = EUR 18,470.00: 2,000,000 x 0.9235 = 1,847,000 cents.
    // Targets: 1,000,000 (ana Oct) + 800,000 (ben Oct) + 1,500,000 (ana Nov) + 1,847,000 (cy Q4) = 5,147,000;
    // dan's GBP 5,000.00 has no rate: listed, not summed.
    expect(coverage.targets.map((t) => [t.personId, t.period, t.targetMinor, t.rate, t.eventId])).toEqual([
      ['ana', '2026-10', 1_000_000, '1', 't1'],
      ['ben', '2026-10', 800_000, '1', 't4'],
      ['ana', '2026-11', 1_500_000, '1', 't3'],
      ['cy', '2026-Q4', 1_847_000, '0.9235', 't5'],
    ]);
    expect(coverage.targetsWithoutRate).toEqual([
      {
        personId: 'dan',
        planId: 'p-gbp',
        period: '2026-Q4',
        amount: { amountMinor: 500_000, currency: 'GBP' },
        eventId: 't6',
        reason: 'the table of 2026-10-01 (EUR) has no rate for GBP',
      },
    ]);
    // Open in the horizon: A 3,000,000 + B 2,500,000 = 5,500,000 (C is expected in February).
    // Still to win: 5,147,000 - 1,147,000 won = 4,000,000; coverage 5,500,000 / 4,000,000 = 1.375.
    expect(coverage).toMatchObject({
      targetMinor: 5_147_000,
      wonMinor: 1_147_000,
      openMinor: 5_500_000,
      coverage: 1.375,
    });
  });

  it('is null without targets, and when the target is met', () => {
    expect(coverageOf(pipeline, q4)).toMatchObject({ targetMinor: null, coverage: null, targets: [] });
    const met = coverageOf(pipeline, q4, {
      targets: targetsInForce(targets, plans, { horizon: q4, asOf, scope: { owner: 'ben' } }),
      currency: 'EUR',
      table,
    });
    // ben's 800,000 against 1,147,000 won: nothing left to cover.
    expect(met).toMatchObject({ targetMinor: 800_000, coverage: null });
  });

  it('rounds the ratio to four decimals', () => {
    const coverage = coverageOf({ ...pipeline, alreadyWonMinor: 0, open: [deal('A', 1_000_000, null)] }, q4, {
      targets: targetsInForce(targets, plans, { horizon: q4, asOf, scope: { owner: 'ana' } }),
      currency: 'EUR',
      table: null,
    });
    // 1,000,000 / (1,000,000 + 1,500,000) = 0.4
    expect(coverage.coverage).toBe(0.4);
    // In the target's own currency no table is needed: cy's USD 20,000.00 against USD 10,000.00 open = 0.5.
    const usd = coverageOf({ ...pipeline, alreadyWonMinor: 0, open: [deal('A', 1_000_000, null)] }, q4, {
      targets: targetsInForce(targets, plans, { horizon: q4, asOf, scope: { owner: 'cy' } }),
      currency: 'USD',
      table: null,
    });
    expect(usd).toMatchObject({ targetMinor: 2_000_000, coverage: 0.5 });
    const thirds = coverageOf({ ...pipeline, alreadyWonMinor: 0, open: [deal('A', 1_000_000, null)] }, q4, {
      targets: [
        {
          personId: 'x',
          planId: 'p',
          period: '2026-Q4',
          amount: { amountMinor: 3_000_000, currency: 'EUR' },
          eventId: 'x1',
        },
      ],
      currency: 'EUR',
      table: null,
    });
    // 1,000,000 / 3,000,000 = 0.33333… → 0.3333
    expect(thirds.coverage).toBe(0.3333);
  });
});
