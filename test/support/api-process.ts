import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The built api (`nx run api:build`) running as a real process on a free port. */
export type ApiProcess = Readonly<{
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}>;

/** Starts `dist/apps/api` exactly as `npm run serve` does, with PORT=0 and a temp data dir. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiProcess> {
  const dataDir = env['DATA_DIR'] ?? join(mkdtempSync(join(tmpdir(), 'ltc-e2e-')), 'data');
  const child = spawn(
    process.execPath,
    ['-r', 'tsconfig-paths/register', join(root, 'dist/apps/api/src/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: join(root, 'dist'),
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`api did not start in 20 s:\n${log}`)), 20_000);
    const check = () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`api exited with ${code} before listening:\n${log}`));
    });
  });

  return {
    url,
    dataDir,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
