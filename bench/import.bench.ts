import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { benchData, customerIds } from './engine/bench-app';
import { startBenchApi } from './engine/http-load';
import { inProcessCommands } from './engine/in-process';

// Sizes can be shrunk for a smoke run: BENCH_IMPORT_LINES=2000 npm run bench -- import
const LINES = Number(process.env['BENCH_IMPORT_LINES'] ?? 100_000);
const CUSTOMERS = Number(process.env['BENCH_CUSTOMERS'] ?? 1000);
const IN_PROCESS = Number(process.env['BENCH_COMMANDS'] ?? 5000);
const RESULTS = resolve(__dirname, '../../bench/results/import.json');

/** A history file: the customers registered and claimed, then touches round-robin, one minute apart. */
function historyFile(dir: string): string {
  const file = join(dir, 'history.jsonl');
  const ids = customerIds(CUSTOMERS);
  const at = (n: number) => new Date(Date.parse('2024-01-01T08:00:00Z') + n * 60_000).toISOString();
  const lines: string[] = [];
  for (const id of ids) {
    lines.push(
      JSON.stringify({
        type: 'RegisterCustomer',
        target: id,
        body: { name: id, segment: 'ordinary' },
        actor: 'bench',
        occurredAt: at(lines.length),
      }),
    );
  }
  for (let n = lines.length; n < LINES; n++) {
    const occurredAt = at(n);
    lines.push(
      JSON.stringify({
        type: 'RecordCustomerTouch',
        target: ids[n % ids.length],
        body: { channel: 'call', note: `touch ${n}`, touchedAt: occurredAt },
        actor: 'bench',
        occurredAt,
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Streams the file to POST /api/import as `ltc import` does; counts the answers. */
async function importRate(): Promise<{
  perSecond: number;
  seconds: number;
  applied: number;
  refused: number;
}> {
  const { dataDir, usersFile, key } = benchData();
  const file = historyFile(dataDir);
  const api = await startBenchApi(dataDir, usersFile);
  try {
    const started = process.hrtime.bigint();
    const res = await fetch(`${api.url}/api/import?onError=skip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    });
    if (!res.ok || res.body === null) throw new Error(`import: ${res.status} ${await res.text()}`);
    let summary: { applied: number; refused: number } | undefined;
    let firstRefusal = '';
    for await (const line of createInterface({ input: Readable.fromWeb(res.body as never) })) {
      const answer = JSON.parse(line) as { status?: string; summary?: { applied: number; refused: number } };
      if (answer.summary !== undefined) summary = answer.summary;
      else if (answer.status === 'refused' && firstRefusal === '') firstRefusal = line;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (summary === undefined) throw new Error('the import gave no summary');
    if (summary.refused > 0) throw new Error(`${summary.refused} line(s) refused, first: ${firstRefusal}`);
    return { perSecond: LINES / seconds, seconds, ...summary };
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `import: ${LINES.toLocaleString('en-US')} lines over ${CUSTOMERS} customers; in-process: ${IN_PROCESS}`,
  );
  const imported = await importRate();
  const inProcess = await inProcessCommands(IN_PROCESS, 500, 1);
  const ratio = imported.perSecond / inProcess.perSecond;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`\nImport (${new Date().toISOString()})\n`);
  console.log('| measure | commands/s | seconds |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| import of ${fmt(LINES)} lines (POST /api/import, SQLite, durable) | ${fmt(imported.perSecond)} | ${imported.seconds.toFixed(1)} |`,
  );
  console.log(
    `| engine in-process, 1 in flight (CommandBus, SQLite, durable) | ${fmt(inProcess.perSecond)} | |`,
  );
  console.log(`| import / in-process | ${Math.round(ratio * 100)}% | |`);
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { node: process.version },
        import: { lines: LINES, customers: CUSTOMERS, ...imported },
        inProcess: { commands: IN_PROCESS, inFlight: 1, commandsPerSecond: inProcess.perSecond },
        ratio,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${RESULTS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
