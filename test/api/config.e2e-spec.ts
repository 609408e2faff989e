import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const api = ['-r', 'tsconfig-paths/register', join(root, 'dist/apps/api/src/main.js')];
const ltc = (...args: string[]) => [join(root, 'apps/cli/bin/ltc.js'), ...args];

// Root writes through permission bits: the read-only cases run as `nobody` when the tests run as root.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

type Exit = Readonly<{ code: number | string; output: string }>;

/**
 * Runs a real process to its exit, or stops it when its output matches `stopWhen`, or kills it after
 * 15 s (a process that should have refused to start).
 */
function runToExit(
  args: string[],
  env: Record<string, string>,
  unprivileged = false,
  stopWhen?: RegExp,
): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        TS_NODE_BASEURL: join(root, 'dist'),
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let output = '';
    let stopping = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (stopWhen?.test(output) && !stopping) {
        stopping = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? `killed: still running after 15 s (${String(signal)})`, output });
    });
  });
}

/** Fresh directories for one case; world-readable so an unprivileged child can reach them. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-config-e2e-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a directory');
  const readOnly = join(dir, 'read-only');
  mkdirSync(readOnly, { mode: 0o555 });
  chmodSync(readOnly, 0o555);
  const usersFile = join(dir, 'users.json');
  writeFileSync(usersFile, '{"version": 2}');
  return { data: join(dir, 'data'), file, readOnly, usersFile };
}

/** Exactly one line of output, no stack trace, and a failing exit code. */
function expectOneLine(exit: Exit, line: RegExp): void {
  expect({ code: exit.code, output: exit.output }).toEqual({
    code: expect.any(Number),
    output: expect.any(String),
  });
  expect(exit.code).not.toBe(0);
  expect(exit.output).not.toMatch(/\n\s+at /);
  expect(exit.output.trimEnd().split('\n')).toEqual([expect.stringMatching(line)]);
}

type Case = Readonly<{
  env: (s: ReturnType<typeof scratch>) => Record<string, string>;
  line: RegExp;
  unprivileged?: boolean;
}>;

const BAD_VALUES: Record<string, Case> = {
  'SWEEP_INTERVAL_MINUTES=40000 (past the 2^31-1 ms a timer holds)': {
    env: (s) => ({ DATA_DIR: s.data, SWEEP_INTERVAL_MINUTES: '40000' }),
    line: /^ltc api: SWEEP_INTERVAL_MINUTES="40000" is not allowed: expected whole minutes from 0 to 35791 /,
  },
  'EVENTSTORE_CONNECTION_STRING=foo': {
    env: (s) => ({ DATA_DIR: s.data, EVENTSTORE_CONNECTION_STRING: 'foo' }),
    line: /^ltc api: EVENTSTORE_CONNECTION_STRING="foo" is not allowed: expected an EventStoreDB connection string: esdb:\/\/.* or esdb\+discover:\/\//,
  },
  'a connection string whose options the client refuses': {
    env: (s) => ({ DATA_DIR: s.data, EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=maybe' }),
    line: /^ltc api: EVENTSTORE_CONNECTION_STRING="esdb:\/\/localhost:2113\?tls=maybe" is not allowed: .*expected true or false/,
  },
  'DATA_DIR naming a file': {
    env: (s) => ({ DATA_DIR: s.file }),
    line: /^ltc api: DATA_DIR=".*a-file" is not allowed: .*a-file is not a directory; expected a directory/,
  },
  'DATA_DIR below a file': {
    env: (s) => ({ DATA_DIR: join(s.file, 'data') }),
    line: /^ltc api: DATA_DIR=".*a-file\/data" is not allowed: .* cannot be created \(ENOTDIR: not a directory\)/,
  },
  'a read-only DATA_DIR': {
    env: (s) => ({ DATA_DIR: s.readOnly }),
    unprivileged: true,
    line: /^ltc api: DATA_DIR=".*read-only" is not allowed: .*read-only is not writable \(EACCES: permission denied\)/,
  },
  'PORT=abc': {
    env: (s) => ({ DATA_DIR: s.data, PORT: 'abc' }),
    line: /^ltc api: PORT="abc" is not allowed: expected an integer from 0 to 65535/,
  },
  'EVENT_STORE=oracle': {
    env: (s) => ({ DATA_DIR: s.data, EVENT_STORE: 'oracle' }),
    line: /^ltc api: EVENT_STORE="oracle" is not allowed: expected one of sqlite, eventstoredb, memory$/,
  },
  'FORECAST_STAGE_PROBABILITIES naming a stage that does not exist': {
    env: (s) => ({ DATA_DIR: s.data, FORECAST_STAGE_PROBABILITIES: 'negotiation=0.8,haggling=0.9' }),
    line: /^ltc api: FORECAST_STAGE_PROBABILITIES="negotiation=0.8,haggling=0.9" is not allowed: 'haggling' is not an open stage \(the open stages are opened, validated, preBidGuidance, bidPreparation, bidReady, bidSubmitted, negotiation\); expected comma-separated/,
  },
  'FORECAST_STAGE_PROBABILITIES above 1': {
    env: (s) => ({ DATA_DIR: s.data, FORECAST_STAGE_PROBABILITIES: 'negotiation=1.2' }),
    line: /^ltc api: FORECAST_STAGE_PROBABILITIES="negotiation=1.2" is not allowed: expected comma-separated `stage=probability` pairs/,
  },
  'REPORTING_CURRENCY that is no currency': {
    env: (s) => ({ DATA_DIR: s.data, REPORTING_CURRENCY: 'EUX' }),
    line: /^ltc api: REPORTING_CURRENCY="EUX" is not allowed: no such currency; expected a known ISO-4217 code/,
  },
  'REPORTING_CURRENCY in lower case': {
    env: (s) => ({ DATA_DIR: s.data, REPORTING_CURRENCY: 'eur' }),
    line: /^ltc api: REPORTING_CURRENCY="eur" is not allowed: expected a known ISO-4217 code/,
  },
  'a users file of another version': {
    env: (s) => ({ DATA_DIR: s.data, USERS_FILE: s.usersFile }),
    line: /^ltc api: USERS_FILE=".*users.json" is not allowed: users file: version must be 1; expected/,
  },
};

describe('a bad configuration value stops the api with one line naming it', () => {
  it.each(Object.entries(BAD_VALUES))('%s', async (_, { env, line, unprivileged }) => {
    expectOneLine(await runToExit(api, env(scratch()), unprivileged), line);
  });

  it('still starts with the longest sweep interval a timer can hold, and sweeps not at once', async () => {
    const listening = /listening on http:\/\/127\.0\.0\.1:\d+/;
    const exit = await runToExit(
      api,
      { DATA_DIR: scratch().data, SWEEP_INTERVAL_MINUTES: '35791' },
      false,
      listening,
    );
    expect(exit.output).toMatch(listening);
    expect(exit.output).not.toMatch(/\[Sweep\]/);
    expect(exit.code).toBe(0);
  });
});

describe('the cli stops with one line naming a bad value too', () => {
  it.each([
    [
      'serve with SWEEP_INTERVAL_MINUTES=40000 (the api it runs refuses)',
      ['serve'],
      (s: ReturnType<typeof scratch>) => ({ DATA_DIR: s.data, SWEEP_INTERVAL_MINUTES: '40000' }),
      /^ltc api: SWEEP_INTERVAL_MINUTES="40000" is not allowed: expected whole minutes from 0 to 35791 /,
      false,
    ],
    [
      'projections status with EVENTSTORE_CONNECTION_STRING=foo',
      ['projections', 'status'],
      (s: ReturnType<typeof scratch>) => ({ DATA_DIR: s.data, EVENTSTORE_CONNECTION_STRING: 'foo' }),
      /^ltc: EVENTSTORE_CONNECTION_STRING="foo" is not allowed: expected an EventStoreDB connection string/,
      false,
    ],
    [
      'projections rebuild with DATA_DIR naming a file',
      ['projections', 'rebuild'],
      (s: ReturnType<typeof scratch>) => ({ DATA_DIR: s.file }),
      /^ltc: DATA_DIR=".*a-file" is not allowed: .*a-file is not a directory; expected a directory/,
      false,
    ],
    [
      'audit verify --all with a read-only DATA_DIR',
      ['audit', 'verify', '--all'],
      (s: ReturnType<typeof scratch>) => ({ DATA_DIR: s.readOnly }),
      /^ltc: DATA_DIR=".*read-only" is not allowed: .*read-only is not writable \(EACCES: permission denied\)/,
      true,
    ],
    [
      'projections status with EVENT_STORE=oracle',
      ['projections', 'status'],
      (s: ReturnType<typeof scratch>) => ({ DATA_DIR: s.data, EVENT_STORE: 'oracle' }),
      /^ltc: EVENT_STORE="oracle" is not allowed: expected one of sqlite, eventstoredb, memory$/,
      false,
    ],
    [
      'customers sweep with LTC_URL=localhost:3000',
      ['customers', 'sweep'],
      () => ({ LTC_URL: 'localhost:3000', LTC_API_KEY: `ltc_0123456789abcdef_${'a'.repeat(43)}` }),
      /^ltc: LTC_URL="localhost:3000" is not allowed: expected an http:\/\/ or https:\/\/ URL/,
      false,
    ],
    [
      'users add with a users file in a directory below a file',
      ['users', 'add', 'ann', '--role', 'rep', '--team', 'east'],
      (s: ReturnType<typeof scratch>) => ({ USERS_FILE: join(s.file, 'users.json') }),
      /^ltc: USERS_FILE=".*a-file\/users.json" is not allowed: .*a-file is not a directory/,
      false,
    ],
  ])('%s', async (_, args, env, line, unprivileged) => {
    expectOneLine(await runToExit(ltc(...args), env(scratch()), unprivileged), line);
  });
});
