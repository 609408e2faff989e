import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand } from './commands';

// dist mirrors the source tree: dist/apps/cli/src -> dist/apps/api/src/main.js
const distRoot = resolve(__dirname, '../../..');

/** `ltc serve [--port N]`: runs the built api in the foreground and forwards stop signals to it. */
export const serve: CliCommand = {
  name: 'serve',
  summary: 'run the api (the same process as `npm start`, without the build step)',
  usage: `Usage: ltc serve [--port <n>]

Runs the built api (dist/apps/api) in the foreground and forwards SIGINT/SIGTERM to it. It reads the
same environment as \`npm start\`; a bad value stops it with one line naming the variable.

Options:
  -p, --port <n>   the HTTP port (sets PORT; default 3000)

Environment: PORT, HOST, DATA_DIR, EVENT_STORE, SQLITE_FILE, EVENTSTORE_CONNECTION_STRING, USERS_FILE,
SWEEP_INTERVAL_MINUTES (see the README's Configuration table).
`,
  options: { port: { type: 'string', short: 'p' } },
  run: (values) => {
    const entry = join(distRoot, 'apps/api/src/main.js');
    if (!existsSync(entry)) {
      process.stderr.write(`ltc serve: ${entry} is missing; build it first with \`npx nx run api:build\`\n`);
      return Promise.resolve(1);
    }
    const port = values['port'];
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', entry], {
      stdio: 'inherit',
      env: {
        ...process.env,
        TS_NODE_PROJECT: process.env['TS_NODE_PROJECT'] ?? resolve(distRoot, '../tsconfig.base.json'),
        TS_NODE_BASEURL: process.env['TS_NODE_BASEURL'] ?? distRoot,
        ...(typeof port === 'string' ? { PORT: port } : {}),
      },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
  },
};
