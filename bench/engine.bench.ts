import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { httpCommands } from './engine/http-load';
import { inProcessCommands } from './engine/in-process';
import { rawAppendsOf } from './engine/raw-baseline';

// Sizes can be shrunk for a smoke run: BENCH_COMMANDS=500 BENCH_HTTP_SECONDS=3 npm run bench -- engine
const COMMANDS = Number(process.env['BENCH_COMMANDS'] ?? 5000);
const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 500);
const HTTP_SECONDS = Number(process.env['BENCH_HTTP_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const RESULTS = resolve(__dirname, '../../bench/results/engine.json');

async function main(): Promise<void> {
  console.log(
    `in-process: ${COMMANDS} touch commands over ${CUSTOMERS} customers; http: ${HTTP_SECONDS}s x ${CONNECTIONS} connections`,
  );
  const inProcess = await inProcessCommands(COMMANDS, CUSTOMERS, 1);
  const raw = await rawAppendsOf(inProcess.events);
  const ratio = inProcess.perSecond / raw;
  const concurrent = await inProcessCommands(COMMANDS, CUSTOMERS, CONNECTIONS);
  const concurrentRatio = concurrent.perSecond / raw;
  const http = await httpCommands(HTTP_SECONDS, CONNECTIONS, CUSTOMERS);

  const rows = [
    [
      'in-process commands/s, 1 in flight (CommandBus, SQLite, durable)',
      fmt(inProcess.perSecond),
      fmt(raw),
      pct(ratio),
      '>= 50% of raw',
      ok(ratio >= 0.5),
    ],
    [
      `in-process commands/s, ${CONNECTIONS} in flight (group commit)`,
      fmt(concurrent.perSecond),
      fmt(raw),
      pct(concurrentRatio),
      '>= 50% of raw',
      ok(concurrentRatio >= 0.5),
    ],
    [
      'HTTP commands/s (autocannon, loopback)',
      fmt(http.perSecond),
      '',
      '',
      '>= 2,000/s',
      ok(http.perSecond >= 2000),
    ],
    ['HTTP p50 latency (ms)', String(http.p50), '', '', '—', ''],
    ['HTTP p99 latency (ms)', String(http.p99), '', '', '< 25 ms', ok(http.p99 < 25)],
    [
      'HTTP non-2xx answers / errors',
      `${http.non2xx} / ${http.errors}`,
      '',
      '',
      '0 / 0',
      ok(http.non2xx === 0 && http.errors === 0),
    ],
  ];
  const header = ['measure', 'engine', 'raw append', 'engine/raw', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nEngine (${new Date().toISOString()})\n`);
  console.log(line(header));
  console.log(line(widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`))));
  for (const row of rows) console.log(line(row));

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { node: process.version },
        inProcess: {
          commands: COMMANDS,
          customers: CUSTOMERS,
          inFlight: 1,
          commandsPerSecond: inProcess.perSecond,
        },
        inProcessConcurrent: {
          commands: COMMANDS,
          customers: CUSTOMERS,
          inFlight: CONNECTIONS,
          commandsPerSecond: concurrent.perSecond,
          ratio: concurrentRatio,
        },
        rawAppendsPerSecond: raw,
        ratio,
        http,
        targets: { ratio: 0.5, httpPerSecond: 2000, httpP99Ms: 25 },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${RESULTS}`);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (r: number) => `${Math.round(r * 100)}%`;
const ok = (b: boolean) => (b ? 'yes' : 'NO');

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
