import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/dashboard/browser';

// The dashboard's two measures (issue 15): the first meaningful render of the pipeline on the demo data
// (the Performance API mark `ltc:pipeline-rendered` the pipeline view sets when the funnel's figures are
// first on screen, from navigation start, in a fresh browser context each time: no cache), signed in as
// the demo's manager (who sees every team); and the main bundle's gzipped size. The demo can be shrunk
// for a smoke run: BENCH_DEMO_MONTHS=2 BENCH_DEMO_REPS=3 npm run bench -- dashboard
const root = resolve(__dirname, '../..');
const RESULTS = join(root, 'bench/results/dashboard.json');
const DIST = join(root, 'dist/apps/dashboard');
const MONTHS = process.env['BENCH_DEMO_MONTHS'];
const REPS = process.env['BENCH_DEMO_REPS'];
const RUNS = 7;
const TARGET = { renderMs: 1500, bundleKb: 350 };

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, 'assets', file))).length / 1024;

/** The entry script of index.html and the CSS it loads first, gzipped. */
function mainBundle(): { js: number; css: number; entry: string } {
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[1];
  if (entry === undefined) throw new Error(`no entry script in ${DIST}/index.html (build the dashboard)`);
  const css = readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('index-') && f.endsWith('.css'));
  return { entry, js: gzipKb(entry), css: css.reduce((sum, f) => sum + gzipKb(f), 0) };
}

/** `ltc demo serve` on an empty folder: seeds the demo history, prints the keys, listens. */
async function serveDemo(dataDir: string) {
  const args = ['apps/cli/bin/ltc.js', 'demo', 'serve', '--data-dir', dataDir, '--port', '0'];
  if (MONTHS !== undefined) args.push('--months', MONTHS);
  if (REPS !== undefined) args.push('--reps', REPS);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((done, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (listening?.[1]) done(listening[1]);
    });
    child.on('exit', (code) => failed(new Error(`ltc demo serve exited with ${code}:\n${output}`)));
  });
  // The keys `ltc demo serve` printed, as it keeps them beside the data.
  const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as {
    signIn: Record<string, { key: string }>;
  };
  const key = keys.signIn['manager']?.key;
  if (key === undefined) throw new Error(`no manager key in ${dataDir}/demo-keys.json`);
  const events = Number(/: (\d+) events from/.exec(output)?.[1] ?? NaN);
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((done) => child.on('exit', done));
  };
  return { url, key, events, stop };
}

/** Waits (at most a minute) until /health says every read model has caught up; how long that took. */
async function caughtUp(url: string): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 60_000) {
    const health = (await (await fetch(`${url}/health`)).json()) as { projections?: { caughtUp?: boolean } };
    if (health.projections?.caughtUp === true) return Date.now() - start;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the read models of ${url} had not caught up after 60 s`);
}

async function main(): Promise<void> {
  // `npm run bench` builds the api, and with it the dashboard; the cli as `npm run demo` does.
  const build = spawnSync('npx', ['nx', 'run', 'cli:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (build.status !== 0 || !existsSync(join(root, 'dist/apps/cli/src/main.js')))
    throw new Error('cli build failed');
  const bundle = mainBundle();
  const loadAtStart = loadavg()[0] ?? 0;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-dashboard-bench-')), 'data-demo');
  const demo = await serveDemo(dataDir);
  const caughtUpMs = await caughtUp(demo.url);
  const browser = await launchChromium();
  const renders: number[] = [];
  // Where a load's time went: when each request the render waits for had its answer (ms from navigation).
  const answered: Record<string, number[]> = { script: [], session: [], funnel: [] };
  // Bytes of the entry script on the wire (compressed when the api compresses) and how it was encoded.
  let entryTransfer = { bytes: 0, encoding: '' };
  let stages = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Signed in before the page loads (the key as the sign-in form stores it in session storage).
      await context.addInitScript(`sessionStorage.setItem('ltc.apiKey', ${JSON.stringify(demo.key)})`);
      const page = await context.newPage();
      await page.goto(`${demo.url}/pipeline`);
      await page.getByTestId('funnel-table').waitFor({ timeout: 30_000 });
      const mark = await page.evaluate(
        () => performance.getEntriesByName('ltc:pipeline-rendered')[0]?.startTime ?? Number.NaN,
      );
      if (Number.isNaN(mark)) throw new Error('the pipeline set no ltc:pipeline-rendered mark');
      stages = await page.locator('[data-stage]').count();
      renders.push(mark);
      const timings = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => {
          const r = e as unknown as { responseEnd: number; encodedBodySize: number };
          return { name: e.name, end: r.responseEnd, bytes: r.encodedBodySize };
        }),
      );
      const script = await fetch(`${demo.url}/assets/${bundle.entry}`, {
        headers: { 'Accept-Encoding': 'gzip, deflate, br' },
      });
      entryTransfer = {
        bytes: timings.find((t) => new URL(t.name).pathname === `/assets/${bundle.entry}`)?.bytes ?? 0,
        encoding: script.headers.get('content-encoding') ?? 'identity',
      };
      const at = (test: (path: string) => boolean) =>
        timings.find((t) => test(new URL(t.name).pathname))?.end ?? Number.NaN;
      answered['script']?.push(at((path) => path === `/assets/${bundle.entry}`));
      answered['session']?.push(at((path) => path === '/api/session'));
      answered['funnel']?.push(at((path) => path === '/api/funnel'));
      await context.close();
    }
  } finally {
    await browser.close();
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const first = renders[0] ?? Number.NaN;
  const result = {
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cores: cpus().length,
      loadAverage1m: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0]?.toFixed(2)) },
    },
    demo: {
      months: Number(MONTHS ?? 24),
      reps: Number(REPS ?? 12),
      events: demo.events,
      stagesShown: stages,
    },
    /** Waited after start until /health said the read models had caught up with the demo's log. */
    projectionsCaughtUpAfterMs: caughtUpMs,
    entryScriptOnTheWire: {
      kb: Number((entryTransfer.bytes / 1024).toFixed(1)),
      encoding: entryTransfer.encoding,
    },
    firstMeaningfulRenderMs: {
      runs: renders.map((ms) => Math.round(ms)),
      first: Math.round(first),
      median: Math.round(median(renders)),
      max: Math.round(Math.max(...renders)),
    },
    answeredMedianMs: Object.fromEntries(
      Object.entries(answered).map(([name, values]) => [name, Math.round(median(values))]),
    ),
    mainBundleKbGzipped: {
      entry: bundle.entry,
      js: Number(bundle.js.toFixed(1)),
      css: Number(bundle.css.toFixed(1)),
    },
    target: {
      renderMs: TARGET.renderMs,
      renderMet: Math.max(...renders) < TARGET.renderMs,
      bundleKb: TARGET.bundleKb,
      bundleMet: bundle.js + bundle.css < TARGET.bundleKb,
    },
  };
  console.table([
    ['demo events', demo.events],
    [
      `first meaningful render of /pipeline (ms, ${RUNS} fresh contexts)`,
      `median ${result.firstMeaningfulRenderMs.median}, first ${result.firstMeaningfulRenderMs.first}, max ` +
        `${result.firstMeaningfulRenderMs.max} (target < ${TARGET.renderMs}: ${result.target.renderMet ? 'ok' : 'MISSED'})`,
    ],
    [
      'median answered at (ms from navigation)',
      Object.entries(result.answeredMedianMs)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', '),
    ],
    [
      'entry script on the wire (KB)',
      `${result.entryScriptOnTheWire.kb} (${result.entryScriptOnTheWire.encoding})`,
    ],
    [
      'main bundle (KB gzipped)',
      `${bundle.js.toFixed(1)} JS + ${bundle.css.toFixed(1)} CSS (target < ${TARGET.bundleKb}: ` +
        `${result.target.bundleMet ? 'ok' : 'MISSED'})`,
    ],
    [
      'load average (1 min), start / end',
      `${result.machine.loadAverage1m.start} / ${result.machine.loadAverage1m.end}`,
    ],
  ]);
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
