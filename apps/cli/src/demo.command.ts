import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand } from './commands';
import { serve } from './serve.command';

// dist mirrors the source tree: dist/apps/cli/src -> dist/apps/api/src/demo/demo.main.js
const distRoot = resolve(__dirname, '../../..');
const DEFAULT_DIR = './data-demo';
const KEYS_FILE = 'demo-keys.json';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const out = (line: string) => process.stdout.write(`${line}\n`);

type SignIn = { id: string; name: string; roles: string[]; team: string; key: string };

/** Runs the api's demo seeder (the api's own modules on a simulated clock) in a child process. */
function seed(values: Record<string, unknown>, dataDir: string): Promise<number> {
  const entry = join(distRoot, 'apps/api/src/demo/demo.main.js');
  if (!existsSync(entry)) {
    process.stderr.write(`ltc demo: ${entry} is missing; build it first with \`npx nx run api:build\`\n`);
    return Promise.resolve(1);
  }
  const args = ['--data-dir', dataDir];
  for (const name of ['seed', 'months', 'reps', 'end']) {
    const value = text(values[name]);
    if (value !== undefined) args.push(`--${name}`, value);
  }
  const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', entry, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      TS_NODE_PROJECT: process.env['TS_NODE_PROJECT'] ?? resolve(distRoot, '../tsconfig.base.json'),
      TS_NODE_BASEURL: process.env['TS_NODE_BASEURL'] ?? distRoot,
    },
  });
  let summary = '';
  child.stdout.on('data', (chunk: Buffer) => (summary += chunk.toString('utf8')));
  return new Promise((done) =>
    child.on('exit', (code) => {
      if (code === 0) {
        const s = JSON.parse(summary) as {
          events: number;
          commands: number;
          seconds: number;
          from: string;
          to: string;
          failures: unknown[];
        };
        out(
          `ltc demo: seeded ${dataDir}: ${s.events} events from ${s.commands} commands, ${s.from.slice(0, 10)} to ` +
            `${s.to.slice(0, 10)}, in ${s.seconds.toFixed(1)} s` +
            (s.failures.length > 0 ? ` (${s.failures.length} journeys stopped by a refusal)` : ''),
        );
      }
      done(code ?? 1);
    }),
  );
}

function printKeys(dataDir: string, port: string): void {
  const file = join(dataDir, KEYS_FILE);
  if (!existsSync(file)) {
    out(`ltc demo: ${file} is missing (not a demo folder?): add a user with \`ltc users add\``);
    return;
  }
  const { signIn } = JSON.parse(readFileSync(file, 'utf8')) as { signIn: Record<string, SignIn> };
  out('Sign in with one of these API keys (Authorization: Bearer <key>, or the dashboard at /):');
  for (const [as, user] of Object.entries(signIn)) {
    out(`  ${as.padEnd(8)} ${user.id} (${user.name}, team ${user.team}): ${user.key}`);
  }
  out(
    `e.g. curl -H 'Authorization: Bearer ${signIn['manager']?.key ?? '<key>'}' localhost:${port}/api/funnel`,
  );
}

/**
 * `ltc demo seed [--seed S] [--months 24] [--reps 12] [--data-dir D] [--end ISO]` generates a history
 * through the real engine on a simulated clock; `ltc demo serve` seeds the folder when it is empty,
 * prints sign-in keys for a manager, a rep and ops, and serves the api on it.
 */
export const demo: CliCommand = {
  name: 'demo',
  summary:
    'seed [--seed S] [--months N] [--reps N] (a simulated history) | serve (seed if empty, then serve)',
  usage: `Usage:
  ltc demo seed  [--seed <text>] [--months 24] [--reps 12] [--data-dir ${DEFAULT_DIR}] [--end <ISO date>]
  ltc demo serve [--port 3000] [--data-dir ${DEFAULT_DIR}] [seed options]

seed: generates a sales history (three teams, the reps, their managers and ops; customers, leads,
BANT, gates with rejections, negotiations in all six situations, wins, losses, abandons, contracts,
invoices, payments, changes, disputes, terminations, late entries) and runs it through the real engine
with a simulated clock, into an empty folder. The same seed and end give the same log.
serve: seeds the folder first when it is empty, prints API keys of a manager, a rep and ops (kept in
${KEYS_FILE} beside the data: demo data only), then runs the api on it (DATA_DIR = the folder).

Options:
  --seed <text>      the random seed (default ltc-demo)
  --months <n>       months of history (default 24)
  --reps <n>         account managers, dealt over three teams (default 12)
  --end <ISO date>   the history ends then (default today 00:00 UTC)
  --data-dir <dir>   the folder to seed and serve (default ${DEFAULT_DIR})
  -p, --port <n>     serve: the HTTP port (default PORT, else 3000)

Environment: PORT, HOST (serve); the seed sets DATA_DIR to the folder and reads no other variable.
`,
  options: {
    seed: { type: 'string' },
    months: { type: 'string' },
    reps: { type: 'string' },
    end: { type: 'string' },
    'data-dir': { type: 'string' },
    port: { type: 'string', short: 'p' },
  },
  run: async (values, [action]) => {
    const dataDir = resolve(text(values['data-dir']) ?? DEFAULT_DIR);
    const empty = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
    switch (action) {
      case 'seed':
        return seed(values, dataDir);
      case 'serve': {
        if (empty) {
          const code = await seed(values, dataDir);
          if (code !== 0) return code;
        } else out(`ltc demo: ${dataDir} holds data already: serving it as it is (remove it to seed again)`);
        const port = text(values['port']) ?? process.env['PORT'] ?? '3000';
        printKeys(dataDir, port);
        process.env['DATA_DIR'] = dataDir;
        delete process.env['SQLITE_FILE'];
        delete process.env['USERS_FILE'];
        return serve.run({ port }, []);
      }
      default:
        throw new Error('usage: ltc demo seed | serve (see `ltc demo --help`)');
    }
  },
};
