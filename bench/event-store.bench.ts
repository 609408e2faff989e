import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { adapterAppends, rawAppends } from './event-store/append-bench';
import { printTable, writeResults, type Row } from './event-store/report';

// Sizes can be shrunk for a smoke run (BENCH_READ=10000 npm run bench); the table says what ran.
const SINGLE = Number(process.env['BENCH_SINGLE'] ?? 3000);
const BATCHED = Number(process.env['BENCH_BATCHED'] ?? 200_000);
const READ = Number(process.env['BENCH_READ'] ?? 1_000_000);
const ROUNDS = 2;
const RESULTS = resolve(__dirname, '../../bench/results/event-store.json');

type ReadReport = { mode: string; events: number; checksum: number; perSecond: number; peakRssMb: number };

const dir = mkdtempSync(join(tmpdir(), 'ltc-bench-'));
let files = 0;
const freshFile = (): string => join(dir, `run-${++files}.sqlite`);

/** Best of ROUNDS, raw and adapter alternating so neither always runs on a warmer machine. */
async function compare(
  adapter: (file: string, run: number) => Promise<number>,
  raw: (file: string, run: number) => Promise<number>,
): Promise<{ adapter: number; raw: number }> {
  let best = { adapter: 0, raw: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const r = await raw(freshFile(), files);
    const a = await adapter(freshFile(), files);
    best = { adapter: Math.max(best.adapter, a), raw: Math.max(best.raw, r) };
  }
  return best;
}

function readInChild(mode: string, file: string): ReadReport {
  const worker = join(__dirname, 'event-store', 'read-worker.js');
  const out = execFileSync(process.execPath, [...process.execArgv, worker, mode, file], { encoding: 'utf8' });
  const report = JSON.parse(out) as ReadReport;
  if (report.events !== READ) throw new Error(`${mode} read ${report.events} events, expected ${READ}`);
  return report;
}

async function main(): Promise<void> {
  console.log(
    `single ${SINGLE}, batched ${BATCHED}, read ${READ} events; best of ${ROUNDS}; files in ${dir}`,
  );
  const single = await compare(
    (file, run) => adapterAppends(file, SINGLE, 1, run),
    (file, run) => rawAppends(file, SINGLE, 1, run),
  );
  const batched = await compare(
    (file, run) => adapterAppends(file, BATCHED, 100, run),
    (file, run) => rawAppends(file, BATCHED, 100, run),
  );

  const logFile = freshFile();
  const populated = await adapterAppends(logFile, READ, 1000, files);
  const reads: Record<string, ReadReport> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['raw', 'adapter', 'raw-rows']) {
      const report = readInChild(mode, logFile);
      const previous = reads[mode];
      if (previous === undefined || report.perSecond > previous.perSecond) reads[mode] = report;
    }
  }
  if (reads['raw']?.checksum !== reads['adapter']?.checksum)
    throw new Error('adapter and raw read different data');

  const n = READ.toLocaleString('en-US');
  const rows: Row[] = [
    { measure: 'single-event appends/s (own tx, fsync)', ...single, unit: '/s' },
    { measure: 'batched appends/s (100 per tx)', ...batched, minRatio: 0.6, unit: '/s' },
    {
      measure: `readAll events/s over ${n} (raw: iterate + JSON.parse)`,
      adapter: reads['adapter']?.perSecond ?? null,
      raw: reads['raw']?.perSecond ?? null,
      minRatio: 0.6,
      unit: '/s',
    },
    {
      measure: `peak RSS reading ${n} events (MB)`,
      adapter: reads['adapter']?.peakRssMb ?? null,
      raw: reads['raw']?.peakRssMb ?? null,
      limit: 300,
      unit: 'MB',
    },
    {
      measure: `info: raw row iteration without JSON.parse`,
      adapter: reads['adapter']?.perSecond ?? null,
      raw: reads['raw-rows']?.perSecond ?? null,
      unit: '/s',
    },
    { measure: 'info: populate, appends/s (1000 per tx)', adapter: populated, raw: null, unit: '/s' },
  ];
  const title = `event-store bench: SQLite adapter vs raw better-sqlite3, WAL + synchronous=FULL, node ${process.version}, ${cpus().length} cpus`;
  const met = printTable(title, rows);
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  writeResults(
    RESULTS,
    {
      bench: 'event-store',
      ranAt: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      sizes: { single: SINGLE, batched: BATCHED, batchSize: 100, read: READ, rounds: ROUNDS },
      targetsMet: met,
    },
    rows,
  );
  console.log(`\n${met ? 'all targets met' : 'TARGETS MISSED'}; results in bench/results/event-store.json`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
