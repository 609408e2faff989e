import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { populate } from './projections/populate';
import { ALL_PROJECTIONS } from '@ltc/read-models';
const ALL = ALL_PROJECTIONS.length;

// BENCH_PROJECTION_EVENTS=100000 npm run bench -- projections for a smoke run; the table says what ran.
const EVENTS = Number(process.env['BENCH_PROJECTION_EVENTS'] ?? 1_000_000);
const SEED = 20_261_127;
const RESULTS = resolve(__dirname, '../../bench/results/projections.json');

type Report = {
  mode: string;
  events: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  detail?: unknown;
};
type Row = {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  target: string;
  ok: boolean | null;
};

const dir = mkdtempSync(join(tmpdir(), 'ltc-bench-projections-'));

function child(mode: string, file: string, ...extra: string[]): Report {
  const worker = join(__dirname, 'projections', 'worker.js');
  return JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, worker, mode, file, ...extra], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as Report;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

function print(title: string, rows: readonly Row[]): void {
  const header = ['measure', 'value', 'baseline', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
    r.baseline === undefined ? '' : `${Math.round((r.value / r.baseline) * 100)}%`,
    r.target,
    r.ok === null ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(row(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(row(line));
}

async function main(): Promise<void> {
  const file = join(dir, 'log.sqlite');
  console.log(`generating ${EVENTS.toLocaleString('en-US')} events (seed ${SEED}) into ${file}`);
  const populated = await populate(file, SEED, EVENTS);
  console.log(
    `  ${populated.events.toLocaleString('en-US')} events in ${populated.seconds.toFixed(1)} s, ` +
      `${(statSync(file).size / 1e6).toFixed(0)} MB, ${populated.first} .. ${populated.last}, ` +
      `${populated.late.toLocaleString('en-US')} entered late`,
  );
  // Best of two, read and rebuilds alternating, so none always runs on the warmer machine. The reporting
  // projections (funnel, win rate, activity, gate decisions) are the figure the target was set for;
  // the deal index (each stream's state and context, issue 10) is rebuilt with them by the api.
  const REPORTING = 'funnel,win-rate,activity,gate-decisions';
  let read: Report | undefined;
  let reporting: Report | undefined;
  let rebuild: Report | undefined;
  for (let round = 0; round < 2; round++) {
    const r = child('read', file);
    const p = child('rebuild', file, join(dir, `reporting-${round}.sqlite`), REPORTING);
    const b = child('rebuild', file, join(dir, `read-models-${round}.sqlite`));
    if (r.events !== populated.events || p.events !== populated.events || b.events !== populated.events)
      throw new Error('a run saw another log');
    if (read === undefined || r.perSecond > read.perSecond) read = r;
    if (reporting === undefined || p.perSecond > reporting.perSecond) reporting = p;
    if (rebuild === undefined || b.perSecond > rebuild.perSecond) rebuild = b;
    console.log(
      `  round ${round + 1}: bare read ${fmt(r.perSecond)}/s, rebuild of 4 ${fmt(p.perSecond)}/s, of all ${fmt(b.perSecond)}/s`,
    );
  }
  // As of the middle of the history, and as of its last event (the whole log).
  const middle = new Date((Date.parse(populated.first) + Date.parse(populated.last)) / 2).toISOString();
  // As the api answers: the live read models of the last rebuild are there, with their snapshots.
  const readModels = join(dir, 'read-models-1.sqlite');
  const asOfMiddle = child('asof', file, middle, readModels);
  const asOfEnd = child('asof', file, populated.last, readModels);
  const fromZero = child('asof', file, middle, ':memory:');
  // A bi-temporal answer: the funnel at a quarter of the history as known at three quarters.
  const at = (share: number) =>
    new Date(
      Date.parse(populated.first) + share * (Date.parse(populated.last) - Date.parse(populated.first)),
    ).toISOString();
  const biTemporal = child('asof', file, `${at(0.3)}@${at(0.7)}`, readModels);
  const trend = child('trend', file, populated.last, readModels);
  const n = populated.events.toLocaleString('en-US');
  const rows: Row[] = [
    {
      measure: `full rebuild of the 4 reporting projections over ${n} events`,
      value: reporting!.perSecond,
      unit: 'ev/s',
      baseline: read!.perSecond,
      target: '≥ 30% of bare read',
      ok: reporting!.perSecond >= 0.3 * read!.perSecond,
    },
    {
      measure: `info: full rebuild of all ${ALL} read models (with the deal index)`,
      value: rebuild!.perSecond,
      unit: 'ev/s',
      baseline: read!.perSecond,
      target: '—',
      ok: null,
    },
    {
      measure: 'peak RSS of the rebuild',
      value: rebuild!.peakRssMb,
      unit: 'MB',
      target: '< 512 MB',
      ok: rebuild!.peakRssMb < 512,
    },
    {
      measure: 'full rebuild of all read models, wall time',
      value: rebuild!.seconds,
      unit: 's',
      target: '—',
      ok: null,
    },
    {
      measure: `as-of funnel, middle of the history (${asOfMiddle.events.toLocaleString('en-US')} events replayed)`,
      value: asOfMiddle.seconds,
      unit: 's',
      target: '< 5 s',
      ok: asOfMiddle.seconds < 5,
    },
    {
      measure: `as-of funnel, last event (${asOfEnd.events.toLocaleString('en-US')} events replayed)`,
      value: asOfEnd.seconds,
      unit: 's',
      target: '< 5 s',
      ok: asOfEnd.seconds < 5,
    },
    {
      measure: `funnel asOf ${at(0.3).slice(0, 10)} knownAt ${at(0.7).slice(0, 10)} (${biTemporal.events.toLocaleString('en-US')} events replayed)`,
      value: biTemporal.seconds,
      unit: 's',
      target: '< 2 s',
      ok: biTemporal.seconds < 2,
    },
    {
      measure: `52 weekly funnels in one pass (sampleAt, ${trend.events.toLocaleString('en-US')} events)`,
      value: trend.seconds,
      unit: 's',
      baseline: reporting!.seconds,
      target: '≤ 1.5 × the rebuild of 4',
      ok: trend.seconds <= 1.5 * reporting!.seconds,
    },
    {
      measure: `info: as-of funnel, middle, without snapshots (${fromZero.events.toLocaleString('en-US')} events)`,
      value: fromZero.seconds,
      unit: 's',
      target: '—',
      ok: null,
    },
    {
      measure: 'info: bare read (adapter readAll, JSON parsed)',
      value: read!.perSecond,
      unit: 'ev/s',
      target: '—',
      ok: null,
    },
    { measure: 'info: peak RSS of the bare read', value: read!.peakRssMb, unit: 'MB', target: '—', ok: null },
    {
      measure: 'info: populate (generate + raw insert)',
      value: populated.events / populated.seconds,
      unit: 'ev/s',
      target: '—',
      ok: null,
    },
  ];
  print(`projections bench: ${n} events, node ${process.version}, ${cpus().length} cpus`, rows);
  const met = rows.every((r) => r.ok !== false);
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        bench: 'projections',
        ranAt: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        sizes: {
          events: populated.events,
          late: populated.late,
          seed: SEED,
          asOfMiddle: middle,
          asOfEnd: populated.last,
          biTemporal: { asOf: at(0.3), knownAt: at(0.7) },
        },
        targetsMet: met,
        results: rows,
        runs: { read, reporting, rebuild, asOfMiddle, asOfEnd, fromZero, biTemporal, trend },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${met ? 'all targets met' : 'TARGETS MISSED'}; results in bench/results/projections.json`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
