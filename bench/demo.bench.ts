import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `npm run demo` from an empty folder to serving: the seed of the default size, then the api listening.
// Months and reps can be shrunk for a smoke run: BENCH_DEMO_MONTHS=2 BENCH_DEMO_REPS=3 npm run bench -- demo
const root = resolve(__dirname, '../..');
const RESULTS = join(root, 'bench/results/demo.json');
const MONTHS = process.env['BENCH_DEMO_MONTHS'];
const REPS = process.env['BENCH_DEMO_REPS'];
const TARGET_SECONDS = 90;

async function main(): Promise<void> {
  // `npm run bench` builds the api; the cli too, as `npm run demo` does (cached when nothing changed).
  const built = Date.now();
  const build = spawnSync('npx', ['nx', 'run', 'cli:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (build.status !== 0 || !existsSync(join(root, 'dist/apps/cli/src/main.js')))
    throw new Error('cli build failed');
  const buildSeconds = (Date.now() - built) / 1000;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-demo-bench-')), 'data-demo');
  const args = ['apps/cli/bin/ltc.js', 'demo', 'serve', '--data-dir', dataDir, '--port', '0'];
  if (MONTHS !== undefined) args.push('--months', MONTHS);
  if (REPS !== undefined) args.push('--reps', REPS);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const seconds = await new Promise<number>((done, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('listening on')) done(Number(process.hrtime.bigint() - started) / 1e9);
    });
    child.on('exit', (code) => failed(new Error(`ltc demo serve exited with ${code}:\n${output}`)));
  });
  child.kill('SIGTERM');
  await new Promise((done) => child.on('exit', done));
  rmSync(dataDir, { recursive: true, force: true });
  const seeded = /seeded .*?: (\d+) events from (\d+) commands, (\S+) to (\S+), in ([\d.]+) s/.exec(output);
  if (seeded === null) throw new Error(`no seed summary in:\n${output}`);
  const [, events, commands, from, to, seedSeconds] = seeded;
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cores: cpus().length },
    size: { months: Number(MONTHS ?? 24), reps: Number(REPS ?? 12), from, to },
    events: Number(events),
    commands: Number(commands),
    seedSeconds: Number(seedSeconds),
    emptyFolderToServingSeconds: seconds,
    cliBuildSeconds: buildSeconds,
    eventsPerSecond: Number(events) / Number(seedSeconds),
    target: { seconds: TARGET_SECONDS, met: seconds < TARGET_SECONDS },
  };
  console.table([
    ['events (default size)', result.events],
    ['commands', result.commands],
    ['seed (s)', result.seedSeconds.toFixed(1)],
    [
      'empty folder -> serving (s)',
      `${seconds.toFixed(1)} (target < ${TARGET_SECONDS}: ${result.target.met ? 'ok' : 'MISSED'})`,
    ],
    ['cli build before it (s)', buildSeconds.toFixed(1)],
  ]);
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
