import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { populate } from './projections/populate';
import {
  horizonOf,
  learnHistory,
  monteCarlo,
  type ClosedDeal,
  type OpenDeal,
  type PipelineAt,
} from '@ltc/read-models';

// Monte Carlo over 10,000 open deals x 10,000 trials (target < 2 s), on a generated pipeline and a
// history of 3,000 closed deals; the history is learned once, outside the timing, as the api does.
// Then a 52-week backtest over the projections bench's 1,000,000-event log (target <= 1.5 x one full
// rebuild of every read model in the same run); BENCH_FORECAST_EVENTS=100000 for a smoke run.
const root = resolve(__dirname, '../..');
const RESULTS = join(root, 'bench/results/forecasts.json');
const DEALS = 10_000;
const TRIALS = 10_000;
const TARGET_SECONDS = 2;
const STAGES = ['open.validated', 'open.bidPreparation', 'open.bidSubmitted', 'open.negotiation'];
const DAY = 86_400_000;
const EVENTS = Number(process.env['BENCH_FORECAST_EVENTS'] ?? 1_000_000);
// The projections bench's log: the same seed, so the same million events.
const SEED = 20_261_127;

function monteCarloBench() {
  const asOf = '2026-11-15T00:00:00.000Z';
  const t = Date.parse(asOf);
  let seed = 7;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const closed: ClosedDeal[] = Array.from({ length: 3_000 }, (_, i) => {
    const entered = t - (400 - (i % 300)) * DAY;
    return {
      dealId: `h${i}`,
      segment: i % 3 === 0 ? ('strategic' as const) : ('ordinary' as const),
      outcome: rnd() < 0.4 ? ('won' as const) : ('lost' as const),
      closedAt: new Date(entered + Math.floor(rnd() * 120) * DAY).toISOString(),
      stages: STAGES.slice(0, 1 + (i % 4)).map((stage, k) => ({
        stage,
        enteredAt: new Date(entered + k * 10 * DAY).toISOString(),
      })),
    };
  }).filter((d) => Date.parse(d.closedAt) <= t);
  const open: OpenDeal[] = Array.from({ length: DEALS }, (_, i) => ({
    dealId: `d${i}`,
    owner: `rep${i % 12}`,
    stage: STAGES[i % 4] as string,
    stageSince: new Date(t - Math.floor(rnd() * 60) * DAY).toISOString(),
    segment: i % 3 === 0 ? ('strategic' as const) : ('ordinary' as const),
    category: 'pipeline' as const,
    amount: { amountMinor: 100_000 + Math.floor(rnd() * 10_000_000), currency: 'EUR' },
    amountMinor: 0,
    expectedCloseDate: null,
  })).map((d) => ({ ...d, amountMinor: d.amount.amountMinor }));
  const pipeline: PipelineAt = { asOf, open, closed, alreadyWonMinor: 0 };
  const horizon = horizonOf('2026-Q4');
  const history = learnHistory(closed, asOf);
  const load = loadavg()[0] ?? 0;
  const runs: number[] = [];
  // CPU seconds of this process beside the wall clock: on a loaded machine the gap is time waiting for a core.
  const cpuRuns: number[] = [];
  let answer;
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    answer = monteCarlo(pipeline, horizon, { trials: TRIALS, history });
    runs.push(Number(process.hrtime.bigint() - started) / 1e9);
    const used = process.cpuUsage(cpu);
    cpuRuns.push((used.user + used.system) / 1e6);
  }
  const best = Math.min(...runs);
  const result = {
    monteCarlo: {
      deals: DEALS,
      trials: TRIALS,
      learnedFrom: history.learnedFrom,
      secondsPerRun: runs,
      cpuSecondsPerRun: cpuRuns,
      bestSeconds: best,
      p10Minor: answer?.p10Minor,
      p50Minor: answer?.p50Minor,
      p90Minor: answer?.p90Minor,
      target: { seconds: TARGET_SECONDS, met: best < TARGET_SECONDS },
    },
  };
  console.table([
    ['deals x trials', `${DEALS} x ${TRIALS}`],
    ['seconds per run', runs.map((s) => s.toFixed(2)).join(', ')],
    ['cpu seconds per run', cpuRuns.map((s) => s.toFixed(2)).join(', ')],
    ['load average (1 min)', load.toFixed(2)],
    [`target < ${TARGET_SECONDS} s`, result.monteCarlo.target.met ? 'met' : 'MISSED'],
  ]);
  return result.monteCarlo;
}

type Child = { mode: string; seconds: number; cpuSeconds: number; peakRssMb: number; detail: unknown };

function child(...args: string[]): Child {
  const worker = join(__dirname, 'forecasts', 'backtest-worker.js');
  return JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, worker, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Child;
}

/**
 * The rebuild of every read model and the 52-week backtest (as the api runs it: the live read models of
 * the rebuild beside the log), each in its own process, alternating twice, best of two each.
 */
async function backtestBench() {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-bench-forecasts-'));
  try {
    const file = join(dir, 'log.sqlite');
    const populated = await populate(file, SEED, EVENTS);
    console.log(
      `${populated.events.toLocaleString('en-US')} events (seed ${SEED}), ${populated.first} .. ${populated.last}`,
    );
    const to = populated.last;
    const from = new Date(Date.parse(to) - 51 * 7 * DAY).toISOString();
    const loads: number[] = [];
    let rebuild: Child | undefined;
    let backtest: Child | undefined;
    const rebuilds: number[] = [];
    const backtests: number[] = [];
    for (let round = 0; round < 2; round++) {
      loads.push(loadavg()[0] ?? 0);
      const r = child('rebuild', file, join(dir, `read-models-${round}.sqlite`));
      loads.push(loadavg()[0] ?? 0);
      const b = child('backtest', file, join(dir, `read-models-${round}.sqlite`), from, to);
      rebuilds.push(r.seconds);
      backtests.push(b.seconds);
      if (rebuild === undefined || r.seconds < rebuild.seconds) rebuild = r;
      if (backtest === undefined || b.seconds < backtest.seconds) backtest = b;
      console.log(
        `  round ${round + 1}: rebuild of all ${r.seconds.toFixed(1)} s, backtest ${b.seconds.toFixed(1)} s`,
      );
    }
    loads.push(loadavg()[0] ?? 0);
    const forecastOnly = child('rebuild', file, join(dir, 'forecast-only.sqlite'), 'forecast,late-entries');
    const ratio = (backtest as Child).seconds / (rebuild as Child).seconds;
    const result = {
      events: populated.events,
      seed: SEED,
      weeks: { from, to },
      rebuildSeconds: rebuilds,
      rebuildCpuSeconds: (rebuild as Child).cpuSeconds,
      rebuildOf: (rebuild as Child).detail,
      backtestSeconds: backtests,
      backtestCpuSeconds: (backtest as Child).cpuSeconds,
      backtestPeakRssMb: (backtest as Child).peakRssMb,
      ratio,
      cpuRatio: (backtest as Child).cpuSeconds / (rebuild as Child).cpuSeconds,
      forecastOnlyRebuildSeconds: forecastOnly.seconds,
      loadAverages1m: loads,
      answer: (backtest as Child).detail,
      target: { ratio: 1.5, met: ratio <= 1.5 },
    };
    console.table([
      ['events', populated.events.toLocaleString('en-US')],
      ['rebuild of all read models (s)', rebuilds.map((s) => s.toFixed(1)).join(', ')],
      ['52-week backtest (s)', backtests.map((s) => s.toFixed(1)).join(', ')],
      ['ratio best/best (target <= 1.5)', ratio.toFixed(2)],
      ['cpu ratio', result.cpuRatio.toFixed(2)],
      ['info: rebuild of the forecast model alone (s)', forecastOnly.seconds.toFixed(1)],
      ['load averages (1 min)', loads.map((l) => l.toFixed(1)).join(', ')],
      ['target', result.target.met ? 'met' : 'MISSED'],
    ]);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  const monteCarlo = monteCarloBench();
  const backtest = await backtestBench();
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cores: cpus().length, loadAverage1m: load },
    monteCarlo,
    backtest,
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
