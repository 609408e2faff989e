import { main } from './main';

describe('ltc', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists its commands on --help', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out).toMatch(/Usage: ltc <command>/);
    expect(out).toMatch(/serve/);
  });

  it('refuses an unknown command with usage and exit code 2', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });

  it('refuses an unknown option', async () => {
    await expect(main(['serve', '--colour'])).rejects.toThrow(/Unknown option '--colour'/);
  });
});

describe('ltc users', () => {
  const { mkdtempSync, readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { join } = jest.requireActual<typeof import('node:path')>('node:path');
  const { tmpdir } = jest.requireActual<typeof import('node:os')>('node:os');
  let out = '';
  beforeEach(() => {
    out = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('adds a user and prints a key that the file does not contain', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ltc-cli-')), 'users.json');
    expect(await main(['users', 'add', 'ann', '--role', 'rep', '--team', 'east', '--file', file])).toBe(0);
    const key = /API key \(shown once, store it now\): (\S+)/.exec(out)?.[1];
    expect(key).toMatch(/^ltc_[a-f0-9]{16}_/);
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    out = '';
    expect(await main(['users', 'list', '--file', file])).toBe(0);
    expect(out).toContain('ann\trep\tteam=east');
  });

  it('refuses an unknown role', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ltc-cli-')), 'users.json');
    await expect(
      main(['users', 'add', 'ann', '--role', 'king', '--team', 'east', '--file', file]),
    ).rejects.toThrow(/unknown role "king"/);
  });
});
