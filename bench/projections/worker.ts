import { SqliteEventStore } from '@ltc/event-store';
import {
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  replayAsOf,
  sampleAt,
  type Moment,
} from '@ltc/projections';
import {
  ALL_PROJECTIONS,
  funnelProjection,
  funnelReport,
  funnelTrendPoint,
  leadFunnel,
  trendInstants,
} from '@ltc/read-models';

// A child process of the bench: one measurement, reported with this process's own peak RSS.
type Report = {
  mode: string;
  events: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  detail?: unknown;
};

async function bareRead(file: string): Promise<Omit<Report, 'mode' | 'peakRssMb'>> {
  const store = new SqliteEventStore({ file });
  const started = performance.now();
  let events = 0;
  let bytes = 0;
  for await (const event of store.readAll()) {
    events++;
    bytes += event.type.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { events, seconds, perSecond: events / seconds, detail: { bytes } };
}

/** `names`: a comma-separated subset of the projections (default: all the api serves). */
async function rebuild(
  file: string,
  readModelsFile: string,
  names?: string,
): Promise<Omit<Report, 'mode' | 'peakRssMb'>> {
  const store = new SqliteEventStore({ file });
  const readModels = new ReadModelStore({ file: readModelsFile });
  const wanted = names === undefined ? undefined : new Set(names.split(','));
  const projections = ALL_PROJECTIONS.filter((p) => wanted === undefined || wanted.has(p.name));
  if (wanted !== undefined && projections.length !== wanted.size)
    throw new Error(`unknown projection in ${names}`);
  const runner = new ProjectionRunner({ store, readModels, projections });
  const started = performance.now();
  await runner.start();
  await runner.catchUp();
  const seconds = (performance.now() - started) / 1000;
  const status = await runner.status();
  await runner.stop();
  readModels.close();
  await store.close();
  const events = Number(status[0]?.head ?? 0);
  const errors = status.reduce((n, s) => n + s.errors, 0);
  if (errors > 0) throw new Error(`${errors} events refused while folding`);
  return { events, seconds, perSecond: events / seconds, detail: status.map((s) => [s.name, s.events]) };
}

/**
 * As the api answers it: the live read models (from the rebuild) are there, with their snapshots and the
 * late-entries index. `moment` is `asOf` or `asOf@knownAt` (business instant, then knowledge instant).
 */
async function asOf(
  file: string,
  moment: string,
  readModelsFile: string,
): Promise<Omit<Report, 'mode' | 'peakRssMb'>> {
  const store = new SqliteEventStore({ file });
  const live = new ReadModelStore({ file: readModelsFile });
  const [business, knownAt] = moment.split('@') as [string, string | undefined];
  const at: Moment = { asOf: business, ...(knownAt === undefined ? {} : { knownAt: { instant: knownAt } }) };
  const started = performance.now();
  const view = await replayAsOf(store, [funnelProjection], at, { live });
  const model = openReadModel(view.readModels, funnelProjection);
  const funnel = funnelReport(model, { now: business });
  const leads = leadFunnel(model, {});
  const seconds = (performance.now() - started) / 1000;
  view.close();
  live.close();
  await store.close();
  return {
    events: view.events,
    seconds,
    perSecond: view.events / seconds,
    detail: { open: funnel.totals.open, won: funnel.totals.won, leads: leads.total.captured },
  };
}

/** 52 weekly funnels ending at `last`, in one pass over the log (`sampleAt`), as the trend query runs it. */
async function trend(
  file: string,
  last: string,
  readModelsFile: string,
): Promise<Omit<Report, 'mode' | 'peakRssMb'>> {
  const store = new SqliteEventStore({ file });
  const live = new ReadModelStore({ file: readModelsFile });
  const from = new Date(Date.parse(last) - 51 * 7 * 86_400_000).toISOString();
  const instants = trendInstants(from, last, 'week');
  const started = performance.now();
  let events = 0;
  const points = await sampleAt(
    store,
    [funnelProjection],
    instants,
    (view) => {
      events = view.events;
      return funnelTrendPoint(openReadModel(view.readModels, funnelProjection), {
        asOf: view.asOf,
        every: 'week',
      });
    },
    { live },
  );
  const seconds = (performance.now() - started) / 1000;
  live.close();
  await store.close();
  return {
    events,
    seconds,
    perSecond: events / seconds,
    detail: {
      points: points.length,
      open: points.map((p) => p.value.open),
      won: points.map((p) => p.value.won),
    },
  };
}

async function main(): Promise<void> {
  const [mode, file, extra, readModelsFile] = process.argv.slice(2) as [
    string,
    string,
    string,
    string | undefined,
  ];
  const result =
    mode === 'read'
      ? await bareRead(file)
      : mode === 'rebuild'
        ? await rebuild(file, extra, readModelsFile)
        : mode === 'trend'
          ? await trend(file, extra, readModelsFile ?? ':memory:')
          : await asOf(file, extra, readModelsFile ?? ':memory:');
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  // The whole process's CPU (every thread, start-up included): on a shared machine, beside the wall time.
  const { user, system } = process.cpuUsage();
  process.stdout.write(JSON.stringify({ mode, ...result, peakRssMb, cpuSeconds: (user + system) / 1e6 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
