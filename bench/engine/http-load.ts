import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { benchData, customerIds } from './bench-app';

const root = resolve(__dirname, '../../..');

export type HttpReport = {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  connections: number;
  seconds: number;
};

/** What autocannon measured, as the bench results keep it. */
export type LatencyReport = Omit<HttpReport, 'connections' | 'seconds'>;

export function latencyReport(result: autocannon.Result): LatencyReport {
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Starts the built api as its own process, the way a user runs it; resolves with its URL. */
export async function startApi(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['-r', 'tsconfig-paths/register', resolve(root, 'dist/apps/api/src/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        TS_NODE_PROJECT: resolve(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: resolve(root, 'dist'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const listening = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (!match?.[1]) return;
      // From here the request log is drained unread: scanning it would load this (measuring) process.
      child.stdout.off('data', listening);
      child.stdout.resume();
      done(match[1]);
    };
    child.stdout.on('data', listening);
    child.once('exit', (code) => fail(new Error(`api exited with ${code}`)));
  });
  return {
    url,
    stop: () => new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
  };
}

/** The built api on a bench data folder: no sweep, no rate limit, a free loopback port. */
export function startBenchApi(dataDir: string, usersFile: string) {
  return startApi({
    DATA_DIR: dataDir,
    USERS_FILE: usersFile,
    PORT: '0',
    HOST: '127.0.0.1',
    SWEEP_INTERVAL_MINUTES: '0',
    // The bench measures the engine over HTTP from one key, not the per-key rate limit.
    RATE_LIMIT_PER_MINUTE: '0',
  });
}

/** Touch commands over HTTP from autocannon on loopback: unique Idempotency-Key per request. */
export async function httpCommands(
  seconds: number,
  connections: number,
  customers: number,
): Promise<HttpReport> {
  const { dataDir, usersFile, key } = benchData();
  const api = await startBenchApi(dataDir, usersFile);
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  try {
    const ids = customerIds(customers);
    for (const id of ids) {
      const res = await fetch(`${api.url}/api/customers`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ customerId: id, name: id, segment: 'ordinary' }),
      });
      if (res.status !== 200) throw new Error(`register ${id}: ${res.status} ${await res.text()}`);
    }
    let n = 0;
    const result = await autocannon({
      url: api.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const i = n++;
            return {
              ...request,
              path: `/api/customers/${ids[i % ids.length]}/touches`,
              headers: { ...auth, 'idempotency-key': `bench-touch-${i}` },
              body: JSON.stringify({
                channel: 'call',
                note: `touch ${i}`,
                // A touch's date is its business time, which may not go back on the customer's stream.
                touchedAt: new Date().toISOString(),
              }),
            };
          },
        },
      ],
    });
    return { ...latencyReport(result), connections, seconds };
  } finally {
    await api.stop();
  }
}
