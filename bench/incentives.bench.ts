import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { populate } from './projections/populate';

// The incentive statements over the bench log of the projections bench (1,000,000 events, the same seed),
// with sales operations running a plan beside the deals: published at the start, targets for every rep
// each month, each month closed on the 3rd of the next (late payments and wins still come after), one
// retroactive correction. BENCH_INCENTIVE_EVENTS=100000 npm run bench -- incentives for a smoke run.
const EVENTS = Number(process.env['BENCH_INCENTIVE_EVENTS'] ?? 1_000_000);
const SEED = 20_261_127;
const PLAN = 'bench';
const RESULTS = resolve(__dirname, '../../bench/results/incentives.json');
const dir = mkdtempSync(join(tmpdir(), 'ltc-bench-incentives-'));

type Report = Record<string, unknown> & { seconds: number; peakRssMb: number };

function child(worker: string, ...args: string[]): Report {
  return JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, join(__dirname, worker), ...args], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as Report;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const file = join(dir, 'log.sqlite');
  console.log(`generating ${EVENTS.toLocaleString('en-US')} events (seed ${SEED}) with plan "${PLAN}"`);
  const populated = await populate(file, SEED, EVENTS, { incentives: { planId: PLAN, correctInMonth: 9 } });
  console.log(`  ${populated.events.toLocaleString('en-US')} events in ${populated.seconds.toFixed(1)} s`);
  // Best of two, the bare read and the rebuild alternating, so neither always runs on the warmer machine.
  let read: Report | undefined;
  let rebuild: Report | undefined;
  let best = '';
  for (let round = 0; round < 2; round++) {
    const r = child('projections/worker.js', 'read', file);
    const readModels = join(dir, `read-models-${round}.sqlite`);
    const b = child('projections/worker.js', 'rebuild', file, readModels, 'incentive-statements');
    if (r['events'] !== populated.events || b['events'] !== populated.events)
      throw new Error('a run saw another log');
    if (read === undefined || (r['perSecond'] as number) > (read['perSecond'] as number)) read = r;
    if (rebuild === undefined || (b['perSecond'] as number) > (rebuild['perSecond'] as number)) {
      rebuild = b;
      best = readModels;
    }
    console.log(
      `  round ${round + 1}: bare read ${Math.round(r['perSecond'] as number)}/s, ` +
        `rebuild of the statements ${Math.round(b['perSecond'] as number)}/s (${b.seconds.toFixed(1)} s)`,
    );
  }
  const year = populated.first.slice(0, 4);
  const what = child('incentives/worker.js', 'whatif', best, PLAN, year);
  const query = child('incentives/worker.js', 'query', best, PLAN, year);
  // The calculator alone, as before the stored model: every close recomputed from the whole log before it.
  const recompute = child('incentives/worker.js', 'recompute', best, PLAN, year);
  const loadAfter = loadavg();
  const ratio = (rebuild!['perSecond'] as number) / (read!['perSecond'] as number);
  const rows = [
    {
      measure: `full rebuild of the incentive statements over ${populated.events.toLocaleString('en-US')} events`,
      value: `${Math.round(rebuild!['perSecond'] as number).toLocaleString('en-US')} ev/s (${rebuild!.seconds.toFixed(1)} s, CPU ${(rebuild!['cpuSeconds'] as number).toFixed(1)} s)`,
      baseline: `bare read ${Math.round(read!['perSecond'] as number).toLocaleString('en-US')} ev/s`,
      ratio: `${Math.round(ratio * 100)} %`,
    },
    { measure: 'peak RSS of the rebuild', value: `${Math.round(rebuild!.peakRssMb)} MB` },
    {
      measure: `what-if for one year (${year}-01..${year}-12, ${String(what['rows'])} rows)`,
      value: `${what.seconds.toFixed(2)} s (CPU ${(what['cpuSeconds'] as number).toFixed(2)} s)`,
      target: '< 5 s',
      met: what.seconds < 5 ? 'yes' : 'NO',
    },
    {
      measure: 'stored model loaded for a query process (facts folded, frozen statements settled)',
      value: `${(what['loadSeconds'] as number).toFixed(2)} s (CPU ${(what['loadCpuSeconds'] as number).toFixed(2)} s)`,
    },
    {
      measure: 'GET statement as the api answers it: a closed month (stored), the open month (first, again)',
      value: ['closed', 'openFirst', 'openAgain']
        .map((k) => `${((query[k] as { seconds: number }).seconds * 1000).toFixed(0)} ms`)
        .join(', '),
    },
    {
      measure: 'info: the calculator alone, every close recomputed from the log (before the stored model)',
      value: `${recompute.seconds.toFixed(1)} s (CPU ${(recompute['cpuSeconds'] as number).toFixed(1)} s)`,
    },
  ];
  console.table(rows);
  const result = {
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cores: cpus().length,
      loadAverage: { before: loadBefore.map(round2), after: loadAfter.map(round2) },
    },
    log: { ...populated, plan: PLAN, deals: what['deals'], closes: what['closes'], facts: what['facts'] },
    rebuild: {
      events: rebuild!['events'],
      seconds: rebuild!.seconds,
      eventsPerSecond: Math.round(rebuild!['perSecond'] as number),
      bareReadEventsPerSecond: Math.round(read!['perSecond'] as number),
      ratioOfBareRead: round2(ratio),
      peakRssMb: Math.round(rebuild!.peakRssMb),
    },
    whatIf: { year, ...what, target: { seconds: 5, met: what.seconds < 5 } },
    query,
    calculatorAloneSeconds: recompute.seconds,
    rows,
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
