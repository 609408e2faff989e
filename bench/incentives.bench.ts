import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ledgerOf, planStatements, whatIf, type HistoryEvent } from '@ltc/read-models';

// The incentive statements of a generated year: 2,000 deals won by 12 reps, 4 payments each (some
// recorded late into closed months), targets, 12 monthly closes (each freezes and forwards). Timed: the
// ledger fold, every statement of the plan (frozen at each close, then live), and a what-if of the year.
const root = resolve(__dirname, '../..');
const RESULTS = join(root, 'bench/results/incentives.json');
const DEALS = 2_000;
const REPS = Array.from({ length: 12 }, (_, i) => `rep${i}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const TERMS = {
  name: 'bench',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: { USD: '0.92' },
  pool: {
    signedRateBp: 800,
    collectedRateBp: 300,
    strategicMultiplierBp: 15000,
    newCustomerMultiplierBp: 12000,
  },
  split: { AR: 5000, SR: 3000, FR: 2000 },
  attainment: {
    credit: 'whole',
    mode: 'marginal',
    tiers: [
      { fromBp: 0, toBp: 10000, rateBp: 10000 },
      { fromBp: 10000, toBp: null, rateBp: 15000 },
    ],
  },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
  participants: REPS,
};

function history(): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let seed = 11;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const facts: { at: string; recordedAt: string; streamId: string; type: string; data: unknown }[] = [];
  const add = (at: string, recordedAt: string, streamId: string, type: string, data: unknown) =>
    facts.push({ at, recordedAt, streamId, type, data });
  add('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'incentive-plan-p1', 'IncentivePlanPublished', {
    planId: 'p1',
    effectiveFrom: '2026-01',
    terms: TERMS,
  });
  for (const m of MONTHS)
    for (const r of REPS)
      add(`${m}-01T00:00:00.000Z`, `${m}-01T00:00:00.000Z`, 'incentive-plan-p1', 'IncentiveTargetSet', {
        personId: r,
        period: m,
        targetMinor: 20_000_000,
        targetBonusMinor: 500_000,
      });
  const year = Date.parse('2026-01-01T00:00:00Z');
  for (let d = 0; d < DEALS; d++) {
    const signed = year + Math.floor(rnd() * 330) * 86_400_000;
    const at = new Date(signed).toISOString();
    const rec = new Date(signed + (rnd() < 0.1 ? 20 : 0) * 86_400_000).toISOString();
    const opp = `opportunity-o${d}`;
    const tri = { AR: REPS[d % 12], SR: REPS[(d + 3) % 12], FR: REPS[(d + 7) % 12] };
    add(at, rec, opp, 'OpportunityOpened', {
      customerId: `c${d % 300}`,
      segment: d % 5 === 0 ? 'strategic' : 'ordinary',
    });
    add(at, rec, opp, 'IronTriangleAssigned', { triangle: tri });
    const amount = {
      amountMinor: 1_000_000 + Math.floor(rnd() * 20_000_000),
      currency: d % 7 === 0 ? 'USD' : 'EUR',
    };
    add(at, rec, opp, 'OpportunityWon', { contractId: `k${d}`, signedAmount: amount, signedAt: at });
    for (let p = 1; p <= 4; p++) {
      const payAt = signed + p * 20 * 86_400_000;
      const payRec = payAt + (rnd() < 0.15 ? 25 : 0) * 86_400_000;
      add(
        new Date(payAt).toISOString(),
        new Date(payRec).toISOString(),
        `contract-k${d}`,
        'PaymentRecorded',
        { amount: { ...amount, amountMinor: Math.floor(amount.amountMinor / 4) } },
      );
    }
  }
  for (const m of MONTHS) {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    const close = new Date(Date.UTC(y, mo, 3)).toISOString();
    add(close, close, `incentive-period-p1.${m}`, 'IncentivePeriodClosed', {
      planId: 'p1',
      period: m,
      closedBy: 'ops',
    });
  }
  facts.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  facts.forEach((f, i) =>
    events.push({
      id: `e${i}`,
      type: f.type,
      streamId: f.streamId,
      position: String(i + 1).padStart(20, '0'),
      actor: 'ops',
      occurredAt: f.at,
      recordedAt: f.recordedAt,
      data: f.data,
    }),
  );
  return events;
}

function timed<T>(f: () => T): { seconds: number; value: T } {
  const started = process.hrtime.bigint();
  const value = f();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

function main(): void {
  const events = history();
  const load = loadavg()[0] ?? 0;
  const fold = timed(() => ledgerOf(events));
  const statements = timed(() => planStatements(fold.value, 'p1'));
  const adjustments = [...statements.value.statements.values()].reduce((s, x) => s + x.adjustments.length, 0);
  const what = timed(() =>
    whatIf(fold.value, {
      planId: 'p1',
      terms: { ...TERMS, split: { AR: 6000, SR: 2000, FR: 2000 } },
      from: '2026-01',
      to: '2026-12',
    }),
  );
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cores: cpus().length, loadAverage1m: load },
    incentives: {
      events: events.length,
      deals: DEALS,
      closes: MONTHS.length,
      statements: statements.value.statements.size,
      adjustments,
      foldSeconds: fold.seconds,
      foldEventsPerSecond: Math.round(events.length / fold.seconds),
      allStatementsSeconds: statements.seconds,
      whatIfYearSeconds: what.seconds,
      whatIfTarget: { seconds: 5, met: what.seconds < 5 },
      peakRssMb: Math.round(process.memoryUsage().rss / 1e6),
    },
  };
  console.table(
    Object.entries(result.incentives).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]),
  );
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}

main();
