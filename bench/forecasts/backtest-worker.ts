import { SqliteEventStore } from '@ltc/event-store';
import { openReadModel, ProjectionRunner, ReadModelStore } from '@ltc/projections';
import { ALL_PROJECTIONS, backtestPlan, forecastProjection, runBacktest } from '@ltc/read-models';

// A child process of the forecasts bench: one measurement, with this process's own CPU time and peak RSS.
type Report = { mode: string; seconds: number; cpuSeconds: number; peakRssMb: number; detail: unknown };

/** Rebuilds `names` (comma-separated; default every read model the api serves) from the log. */
async function rebuild(file: string, readModelsFile: string, names?: string) {
  const store = new SqliteEventStore({ file });
  const readModels = new ReadModelStore({ file: readModelsFile });
  const wanted = names === undefined ? undefined : new Set(names.split(','));
  const projections = ALL_PROJECTIONS.filter((p) => wanted === undefined || wanted.has(p.name));
  const runner = new ProjectionRunner({ store, readModels, projections });
  await runner.start();
  await runner.catchUp();
  const status = await runner.status();
  await runner.stop();
  readModels.close();
  await store.close();
  return { events: Number(status[0]?.head ?? 0), projections: projections.map((p) => p.name) };
}

/** The weekly backtest from `from` to `to` as the api runs it: the live read models beside the log. */
async function backtest(file: string, readModelsFile: string, from: string, to: string) {
  const store = new SqliteEventStore({ file });
  const live = new ReadModelStore({ file: readModelsFile });
  const plan = backtestPlan({ from, to, horizon: 'quarter' });
  const answer = await runBacktest(store, plan, {
    live,
    actuals: openReadModel(live, forecastProjection),
    // The log ends at `to`: a horizon ending later is not settled.
    actualsAt: to,
  });
  live.close();
  await store.close();
  return {
    weeks: answer.rows.length,
    settled: answer.rows.filter((r) => r.settled).length,
    trials: answer.settings.trials,
    accuracy: answer.accuracy,
    brier: answer.calibration.map((c) => ({ method: c.method, predictions: c.predictions, brier: c.brier })),
    firstRow: answer.rows[0],
  };
}

async function main(): Promise<void> {
  const [mode, file, a, b, c] = process.argv.slice(2) as [
    string,
    string,
    string,
    string | undefined,
    string?,
  ];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const detail =
    mode === 'rebuild' ? await rebuild(file, a, b) : await backtest(file, a, b as string, c as string);
  const used = process.cpuUsage(cpu);
  const report: Report = {
    mode,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    detail,
  };
  process.stdout.write(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
