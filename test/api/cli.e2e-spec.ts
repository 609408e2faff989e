import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startApi, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { INCENTIVE_TERMS } from '../support/fixtures';
import { call } from '../support/http';
import { ownedCustomer, type As } from '../support/session';
import { writeTeam, type Person } from '../support/team';
import { wonDeal } from '../support/won-deal';
import { backtestHistory, importLines } from '../support/backtest-history';

const run = promisify(execFile);
const ltc = resolve(__dirname, '../../apps/cli/bin/ltc.js');

/** The built `ltc` launcher as a user runs it, against the running api. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [ltc, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A port nothing listens on: taken from the kernel, then released. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

describe('the ltc command line', () => {
  let api: ApiProcess;
  let keys: Record<Person, string>;
  let usersFile: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-cli-')), 'data');
    usersFile = join(dataDir, 'users.json');
    keys = writeTeam(usersFile);
    api = await startApi({ DATA_DIR: dataDir });
  });
  afterAll(() => api.stop());

  it('lists the users of the file the api reads', async () => {
    const { code, stdout } = await cli(['users', 'list', '--file', usersFile, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('bob\tmanager\tteam=east');
  });

  it('adds a user whose key the running api accepts at once, with the person the cli wrote to the log', async () => {
    const added = await cli(
      ['users', 'add', 'gus', '--role', 'rep', '--team', 'west', '--manager', 'wes', '--file', usersFile],
      { DATA_DIR: dataDir },
    );
    const key = /store it now\): (\S+)/.exec(added.stdout)?.[1];
    expect(key).toBeDefined();
    // The api re-reads the users file at most once a second.
    await new Promise((done) => setTimeout(done, 1100));
    const auth = { headers: { authorization: `Bearer ${key}` } };
    expect((await fetch(`${api.url}/api/leads`, auth)).status).toBe(200);
    const people = (await (await fetch(`${api.url}/api/people`, auth)).json()) as {
      people: { id: string; team: string; manager: string | null; orgRoles: string[] }[];
    };
    expect(people.people.find((p) => p.id === 'gus')).toEqual({
      id: 'gus',
      name: 'gus',
      orgRoles: ['rep'],
      team: 'west',
      manager: 'wes',
    });
  });

  it('sweeps idle customers through the api with a manager key, and refuses a rep', async () => {
    const swept = await cli(['customers', 'sweep', '--url', api.url], { LTC_API_KEY: keys.bob });
    expect(swept).toMatchObject({ code: 0 });
    expect(swept.stdout).toMatch(/returned 0 customer\(s\) idle for 30\+ days/);
    const refused = await cli(['customers', 'sweep', '--url', api.url, '--key', keys.ann]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/403 only a manager may sweep/);
  });

  it('closes an incentive period through the api: ltc incentives close, once, by ops or a manager of its people', async () => {
    const post = (key: string, path: string, body: unknown) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const plan = { planId: 'east26', effectiveFrom: '2026-01', terms: INCENTIVE_TERMS };
    expect((await post(keys.ops, '/api/incentives/plans', plan)).status).toBe(200);
    expect((await post(keys.ops, '/api/incentives/periods/east26.2026-11/open', {})).status).toBe(200);
    const env = { LTC_URL: api.url };
    const other = await cli(['incentives', 'close', '2026-11', '--plan', 'east26', '--key', keys.wes], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /^ltc incentives close: 403 managerOfParticipants: only sales operations or a manager/,
    );
    const closed = await cli(['incentives', 'close', '2026-11', '--plan', 'east26', '--key', keys.bob], env);
    expect(closed).toMatchObject({ code: 0, stderr: '' });
    expect(closed.stdout).toMatch(
      /^closed east26\.2026-11: its statements are frozen at event \S+ \(recorded 20/,
    );
    const again = await cli(['incentives', 'close', 'east26.2026-11', '--key', keys.ops], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /409 closedIsFinal: .*incentive period east26\.2026-11 is closed, and closed is final/,
    );
    const noPlan = await cli(['incentives', 'close', '2026-11', '--key', keys.ops], env);
    expect(noPlan).toMatchObject({ code: 2, stderr: expect.stringContaining('--plan <plan id>') });
  });

  it('prints a statement, explains its line and exports the payroll CSV: ltc incentives statement|explain|export', async () => {
    const as: As = (who, method, path, body) =>
      call(api.url, method, path, { key: keys[who], ...(body === undefined ? {} : { body }) });
    const month = new Date().toISOString().slice(0, 7);
    const plan = { planId: 'pay26', effectiveFrom: month, terms: INCENTIVE_TERMS };
    expect((await as('ops', 'POST', '/api/incentives/plans', plan)).status).toBe(200);
    expect((await as('ops', 'POST', `/api/incentives/periods/pay26.${month}/open`, {})).status).toBe(200);
    const beforeWin = new Date().toISOString();
    await ownedCustomer(as, 'ann', 'paycust');
    const deal = { id: 'pay1', customerId: 'paycust', owner: 'ann', manager: 'bob', amountMinor: 1_234_567 };
    await wonDeal(as, deal as Parameters<typeof wonDeal>[1], { AR: 'ann', SR: 'sam', FR: 'fay' });
    const env = { LTC_URL: api.url, LTC_API_KEY: keys.ops };
    // 12,345.67 × 1 % × x1 (ordinary) × x1.2 (the customer's first win) = 148.14804 → pool 148.15;
    // AR 50 % = 74.075, SR 30 % = 44.445, FR 20 % = 29.63: floors 74.07 + 44.44 + 29.63 = 148.14, the
    // cent left goes to the largest remainder (AR and SR tie at .5: AR first) → 74.08 + 44.44 + 29.63
    const shown = await eventually(async () => {
      const s = await cli(
        ['incentives', 'statement', 'ann', month, '--plan', 'pay26', '--key', keys.ann],
        env,
      );
      expect(s).toMatchObject({ code: 0, stderr: '' });
      expect(s.stdout).toContain('signing:k-pay1:AR:signed');
      return s.stdout;
    });
    expect(shown).toMatch(new RegExp(`^statement of ann for ${month}, plan pay26 \\(EUR\\): open\n`));
    expect(shown).toMatch(/signing:k-pay1:AR:signed {2}signing {2}k-pay1 {2,}74\.08\n/);
    expect(shown).toContain(
      'earned 74.08 + adjustments 0.00 = period total 74.08; carried in 0.00; payable 74.08 EUR; carried out 0.00\n',
    );
    const json = await cli(
      ['incentives', 'statement', 'sam', month, '--plan', 'pay26', '--format', 'json'],
      env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ personId: 'sam', totals: { payableMinor: 4_444 } });
    const before = await cli(
      [
        'incentives',
        'statement',
        'ann',
        month,
        '--plan',
        'pay26',
        '--known-at',
        beforeWin,
        '--format',
        'json',
      ],
      env,
    );
    expect(JSON.parse(before.stdout)).toMatchObject({ knownAt: beforeWin, lines: [] });
    const explained = await cli(
      ['incentives', 'explain', 'ann', month, 'signing:k-pay1:AR:signed', '--plan', 'pay26'],
      env,
    );
    expect(explained).toMatchObject({ code: 0, stderr: '' });
    expect(explained.stdout).toMatch(
      /^signing:k-pay1:AR:signed \(signing\): 74\.08\n12,345\.67 EUR × 1 = 12,345\.67 EUR × 1\.00 % × x1 × x1\.2 = pool 148\.15; AR 50\.00 % = 74\.08\n/,
    );
    expect(explained.stdout).toMatch(/ OpportunityWon on opportunity-pay1 by ann, occurred 20/);
    const csv = await cli(['incentives', 'export', month, '--plan', 'pay26', '--format', 'csv'], env);
    expect(csv).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\n' +
        `ann,${month},EUR,open,74.08,0.00,0.00,74.08,0.00\n` +
        `fay,${month},EUR,open,29.63,0.00,0.00,29.63,0.00\n` +
        `sam,${month},EUR,open,44.44,0.00,0.00,44.44,0.00\n`,
    });
    const rep = await cli(['incentives', 'export', month, '--plan', 'pay26', '--key', keys.ann], env);
    expect(rep.code).toBe(1);
    expect(rep.stderr).toMatch(
      /^ltc incentives export: 403 opsOnly: only sales operations or an admin may export/,
    );
    const other = await cli(
      ['incentives', 'statement', 'ann', month, '--plan', 'pay26', '--key', keys.wes],
      env,
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^ltc incentives statement: 403 ownStatementOrReport: /);
  });

  it('sweeps the api LTC_URL names, else the one on this machine at PORT', async () => {
    const byUrl = await cli(['customers', 'sweep'], { LTC_URL: api.url, LTC_API_KEY: keys.bob });
    expect(byUrl).toMatchObject({ code: 0, stdout: expect.stringMatching(/returned 0 customer\(s\)/) });
    const port = new URL(api.url).port;
    const byPort = await cli(['customers', 'sweep'], { PORT: port, LTC_URL: '', LTC_API_KEY: keys.bob });
    expect(byPort).toMatchObject({ code: 0, stdout: expect.stringMatching(/returned 0 customer\(s\)/) });
  });

  it('says which url it could not reach and how to fix it', async () => {
    const closed = await closedPort();
    const down = await cli(['customers', 'sweep'], {
      LTC_URL: `http://127.0.0.1:${closed}`,
      LTC_API_KEY: keys.bob,
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toBe(
      `ltc customers sweep: could not reach the api at http://127.0.0.1:${closed} (ECONNREFUSED): start it ` +
        '(`ltc serve`) or point LTC_URL or --url at a running api (PORT sets the default port)\n',
    );
    const byPort = await cli(['customers', 'sweep'], {
      PORT: String(closed),
      LTC_URL: '',
      LTC_API_KEY: keys.bob,
    });
    expect(byPort.stderr).toContain(`could not reach the api at http://localhost:${closed} (ECONNREFUSED)`);
  });

  it.each(['serve', 'users', 'customers', 'incentives', 'forecast', 'projections', 'audit'])(
    'prints the usage of `ltc %s --help` and exits 0',
    async (command) => {
      const help = await cli([command, '--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(new RegExp(`^Usage:(\n  | )ltc ${command}\\b`));
    },
  );

  it('adds a user with --json: one JSON line whose key the api accepts', async () => {
    const added = await cli([
      'users',
      'add',
      'hal',
      '--role',
      'rep',
      '--team',
      'east',
      '--file',
      usersFile,
      '--json',
    ]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const { id, key, file } = JSON.parse(added.stdout) as { id: string; key: string; file: string };
    expect({ id, file }).toEqual({ id: 'hal', file: usersFile });
    await new Promise((done) => setTimeout(done, 1100));
    const res = await fetch(`${api.url}/api/leads`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });
});

// ltc forecast and ltc forecast backtest against a real api holding imported Q1 2026 (bt1 1,000,000 bid
// on 7 Jan and won on 16 Feb; bt2 3,000,000 opened on 8 Jan, abandoned in March), default probabilities.
describe('ltc forecast', () => {
  jest.setTimeout(60_000);
  let api: ApiProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-cli-forecast-')), 'data');
    const keys = writeTeam(join(dataDir, 'users.json'));
    api = await startApi({ DATA_DIR: dataDir });
    env = { LTC_URL: api.url, LTC_API_KEY: keys.ops };
    expect(await importLines(api.url, keys.root, backtestHistory())).toEqual([]);
    await eventually(async () => {
      const { stdout } = await cli(
        ['forecast', '--horizon', '2026-Q1', '--as-of', '2026-03-31', '--format', 'csv'],
        env,
      );
      // The win on 16 Feb is in the live model: already won by the end of March.
      expect(stdout).toContain('stage-weighted,10000.00,10000.00,0.00');
    });
  });
  afterAll(() => api.stop());

  it('prints every method for a horizon as a table, as json or as csv', async () => {
    const at = ['--horizon', '2026-Q1', '--as-of', '2026-01-20'];
    // Stage-weighted: bt1 bid submitted 0.5 x 10,000.00 + bt2 opened 0.05 x 30,000.00 = 6,500.00.
    const csv = await cli(
      ['forecast', ...at, '--method', 'stage-weighted,category-weighted', '--format', 'csv'],
      env,
    );
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect(csv.stdout).toBe(
      'method,expected,already_won,from_open_deals,p10,p50,p90\n' +
        'stage-weighted,6500.00,0.00,6500.00,,,\n' +
        // Both pipeline: 0.2 x 40,000.00.
        'category-weighted,8000.00,0.00,8000.00,,,\n',
    );
    const table = await cli(['forecast', ...at], env);
    expect(table.stdout).toMatch(
      /^forecast of 2026-Q1 \(2026-01-01 to 2026-04-01\) as of 2026-01-20T00:00:00.000Z: 2 open deals, EUR\n/,
    );
    expect(table.stdout).toMatch(/stage-weighted +6,500\.00 +0\.00 +6,500\.00/);
    expect(table.stdout).toMatch(/monte-carlo +[\d,.]+ +0\.00 +[\d,.]+ +[\d,.]+ +[\d,.]+ +[\d,.]+/);
    const json = JSON.parse((await cli(['forecast', ...at, '--format', 'json'], env)).stdout) as {
      openDeals: number;
    };
    expect(json.openDeals).toBe(2);
  });

  it('backtests week by week with a progress bar, then MAPE, bias and Brier', async () => {
    const weeks = ['backtest', '--from', '2026-01-12', '--to', '2026-02-09', '--method', 'stage-weighted'];
    const csv = await cli(['forecast', ...weeks, '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    // Not a terminal: a line per tenth of the weeks, then the count.
    expect(csv.stderr).toMatch(/^backtest \[#+\.*\] +\d+% 1\/5 weeks/);
    expect(csv.stderr).toContain('backtest [##############################] 100% 5/5 weeks');
    expect(csv.stderr).toMatch(/backtest: 5 weeks\n$/);
    expect(csv.stdout.split('\n')).toEqual([
      'week,horizon,won,won_before,open_at_w,created_after,stage-weighted,rep_calls,manager_calls,settled,reconstructed',
      ...['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'].map(
        (w) => `${w},2026-Q1,10000.00,0.00,10000.00,0.00,6500.00,,,yes,yes`,
      ),
      '',
    ]);
    const table = await cli(['forecast', ...weeks], env);
    // (6,500 − 10,000) / 10,000 = −0.35 every week.
    expect(table.stdout).toMatch(/\nstage-weighted +5 +0 +0\.3500 +-0\.3500\n/);
    // bt1 (0.5 − 1)² = 0.25, bt2 (0.05 − 0)² = 0.0025 each week: Brier 0.2525 / 2 = 0.12625.
    expect(table.stdout).toMatch(/\nstage-weighted +10 +0\.1263\n/);
    expect(table.stdout).toMatch(/imported history: what was known before .* is reconstructed/);
  });

  it('names the refused field of a bad backtest in one line', async () => {
    const bad = await cli(['forecast', 'backtest', '--from', '2026-03-01', '--to', '2026-02-01'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^ltc forecast backtest: 400 from: from \(2026-03-01T00:00:00.000Z\) is after to/,
    );
    const format = await cli(['forecast', '--format', 'xml'], env);
    expect(format).toMatchObject({
      code: 2,
      stderr: 'ltc: --format must be table, json or csv, got "xml"\n',
    });
  });
});
