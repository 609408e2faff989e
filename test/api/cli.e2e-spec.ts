import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startApi, type ApiProcess } from '../support/api-process';
import { writeTeam, type Person } from '../support/team';

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

describe('the ltc command line', () => {
  let api: ApiProcess;
  let keys: Record<Person, string>;
  let usersFile: string;

  beforeAll(async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-cli-')), 'data');
    usersFile = join(dataDir, 'users.json');
    keys = writeTeam(usersFile);
    api = await startApi({ DATA_DIR: dataDir });
  });
  afterAll(() => api.stop());

  it('lists the users of the file the api reads', async () => {
    const { code, stdout } = await cli(['users', 'list', '--file', usersFile]);
    expect(code).toBe(0);
    expect(stdout).toContain('bob\tmanager\tteam=east');
  });

  it('adds a user whose key the running api accepts at once', async () => {
    const added = await cli(['users', 'add', 'gus', '--role', 'rep', '--team', 'east', '--file', usersFile]);
    const key = /store it now\): (\S+)/.exec(added.stdout)?.[1];
    expect(key).toBeDefined();
    // The api re-reads the users file at most once a second.
    await new Promise((done) => setTimeout(done, 1100));
    const res = await fetch(`${api.url}/api/leads`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });

  it('sweeps idle customers through the api with a manager key, and refuses a rep', async () => {
    const swept = await cli(['customers', 'sweep', '--url', api.url], { LTC_API_KEY: keys.bob });
    expect(swept).toMatchObject({ code: 0 });
    expect(swept.stdout).toMatch(/returned 0 customer\(s\) idle for 30\+ days/);
    const refused = await cli(['customers', 'sweep', '--url', api.url, '--key', keys.ann]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/403 only a manager may sweep/);
  });
});
