import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { benchData, customerIds, percentile } from './engine/bench-app';
import { startBenchApi, type LatencyReport } from './engine/http-load';

// Commands under read load (issue 12, item 15): command latency with 200 keep-alive readers polling.
// Shrink for a smoke run: BENCH_LOAD_SECONDS=5 BENCH_READERS=50 npm run bench -- load
const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 20);
const READERS = Number(process.env['BENCH_READERS'] ?? 200);
const RATE = Number(process.env['BENCH_COMMAND_RATE'] ?? 20);
const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 200);
const RESULTS = resolve(__dirname, '../../bench/results/load.json');

const round = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map(round);

/**
 * Touch commands sent open loop at `RATE` a second (each at its own time, not after the previous one
 * answered), over one keep-alive client, for `seconds`; the latency of each, sorted.
 */
async function commands(url: string, key: string, seconds: number, tag: string) {
  const ids = customerIds(CUSTOMERS);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const latencies: number[] = [];
  let failed = 0;
  const sent: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < seconds * RATE; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    sent.push(
      (async () => {
        const at = performance.now();
        const res = await fetch(`${url}/api/customers/${ids[i % ids.length]}/touches`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': `load-${tag}-${i}` },
          body: JSON.stringify({ channel: 'call', note: `touch ${i}`, touchedAt: new Date().toISOString() }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - at);
        if (res.status !== 200) failed++;
      })(),
    );
  }
  await Promise.all(sent);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    commands: sorted.length,
    failed,
    perSecond: round(sorted.length / ((performance.now() - started) / 1000)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** The readers in their own process; resolves with their report when they are done. */
function readers(url: string, key: string, seconds: number): Promise<LatencyReport> {
  const child = fork(join(__dirname, 'load', 'readers.js'), [
    url,
    key,
    String(seconds),
    String(READERS),
    String(CUSTOMERS),
  ]);
  return new Promise((done, fail) => {
    child.once('message', (report) => done(report as LatencyReport));
    child.once('exit', (code) => (code === 0 ? undefined : fail(new Error(`readers exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { dataDir, usersFile, key } = benchData();
  const api = await startBenchApi(dataDir, usersFile);
  try {
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    for (const id of customerIds(CUSTOMERS)) {
      const res = await fetch(`${api.url}/api/customers`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ customerId: id, name: id, segment: 'ordinary' }),
      });
      if (res.status !== 200) throw new Error(`register ${id}: ${res.status} ${await res.text()}`);
    }
    const loadBefore = load();
    const quiet = await commands(api.url, key, Math.min(SECONDS, 10), 'quiet');
    console.log(`quiet: ${JSON.stringify(quiet)}`);
    // The readers start first and run a second past the commands on both ends.
    const reading = readers(api.url, key, SECONDS + 3);
    await new Promise((done) => setTimeout(done, 1500));
    const loaded = await commands(api.url, key, SECONDS, 'loaded');
    const loadDuring = load();
    const reads = await reading;
    console.log(`under ${READERS} readers: ${JSON.stringify(loaded)}`);
    console.log(`reads: ${JSON.stringify(reads)}`);
    const result = {
      measuredAt: new Date().toISOString(),
      machine: {
        node: process.version,
        cores: cpus().length,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadDuring,
      },
      setup: { readers: READERS, commandRate: RATE, seconds: SECONDS, customers: CUSTOMERS },
      quiet,
      underReadLoad: loaded,
      reads,
      targets: { commandP99UnderReadLoadMs: 100 },
      met: loaded.p99 < 100,
    };
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `command p50/p95/p99 ${loaded.p50}/${loaded.p95}/${loaded.p99} ms under ${READERS} readers ` +
        `(${Math.round(reads.perSecond)} GET/s); quiet ${quiet.p50}/${quiet.p95}/${quiet.p99} ms; ` +
        `load average ${loadBefore.join(' ')} -> ${loadDuring.join(' ')} on ${cpus().length} cores; ` +
        `target p99 < 100 ms: ${result.met ? 'met' : 'MISSED'}`,
    );
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
