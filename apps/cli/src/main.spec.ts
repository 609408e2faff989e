import { commands } from './commands';
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

  it('names the help to read when an option is unknown', async () => {
    await expect(main(['users', 'list', '--colour'])).rejects.toThrow(
      "Unknown option '--colour' (see `ltc users --help`)",
    );
  });

  it.each(commands.map((c) => [c.name]))('prints the usage of `ltc %s --help` and exits 0', async (name) => {
    for (const args of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
    ]) {
      out = '';
      expect(await main(args)).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage:(\\n  | )ltc ${name}\\b`));
      expect(out).toMatch(/Environment: /);
    }
    expect(err).toBe('');
  });

  it('helps with a subcommand even before its required arguments', async () => {
    expect(await main(['users', 'add', '--help'])).toBe(0);
    expect(out).toContain('ltc users add <id> --role <role>');
    expect(out).toContain('--json');
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

  // Each test's users file and log in one temp data folder.
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-cli-'));
    return { file: join(dir, 'users.json'), at: ['--file', join(dir, 'users.json'), '--data-dir', dir] };
  };

  it('adds a user and prints a key that the file does not contain', async () => {
    const { file, at } = folder();
    expect(await main(['users', 'add', 'ann', '--role', 'rep', '--team', 'east', ...at])).toBe(0);
    const key = /API key \(shown once, store it now\): (\S+)/.exec(out)?.[1];
    expect(key).toMatch(/^ltc_[a-f0-9]{16}_/);
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    out = '';
    expect(await main(['users', 'list', ...at])).toBe(0);
    expect(out).toContain('ann\trep\tteam=east');
    expect(readFileSync(file, 'utf8')).not.toMatch(/team|roles/);
  });

  it('writes the person into the log once, and links more users to a person already there', async () => {
    const { file, at } = folder();
    expect(await main(['users', 'add', 'ann', '--role', 'rep', '--team', 'east', ...at])).toBe(0);
    expect(await main(['users', 'add', 'ann-phone', '--person', 'ann', ...at])).toBe(0);
    await expect(
      main(['users', 'add', 'ann-2', '--person', 'ann', '--team', 'west', '--role', 'rep', ...at]),
    ).rejects.toThrow(/person "ann" is already in the log \(team east\)/);
    await expect(
      main(['users', 'add', 'cy', '--role', 'rep', '--team', 'east', '--manager', 'zed', ...at]),
    ).rejects.toThrow(/manager "zed" is not in the organisation/);
    out = '';
    expect(await main(['users', 'list', '--json', ...at])).toBe(0);
    expect(
      (JSON.parse(out) as { id: string; person: string; team: string }[]).map((u) => [
        u.id,
        u.person,
        u.team,
      ]),
    ).toEqual([
      ['ann', 'ann', 'east'],
      ['ann-phone', 'ann', 'east'],
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain('cy');
  });

  it('prints the new user and key as one JSON object with --json, for scripts', async () => {
    const { file, at } = folder();
    expect(await main(['users', 'add', 'bob', '--role', 'manager', '--team', 'east', ...at])).toBe(0);
    out = '';
    const args = ['users', 'add', 'ann', '--role', 'rep', '--team', 'east', '--manager', 'bob'];
    expect(await main([...args, '--name', 'Ann Lee', ...at, '--json'])).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const added = JSON.parse(out) as Record<string, unknown>;
    expect(added).toEqual({
      id: 'ann',
      person: 'ann',
      name: 'Ann Lee',
      roles: ['rep'],
      team: 'east',
      manager: 'bob',
      key: expect.stringMatching(/^ltc_[a-f0-9]{16}_/),
      file,
    });
    expect(readFileSync(file, 'utf8')).not.toContain(added['key']);
    out = '';
    expect(await main(['users', 'key', 'ann', ...at, '--json'])).toBe(0);
    expect(JSON.parse(out)).toEqual({ id: 'ann', key: expect.stringMatching(/^ltc_/), file });
    out = '';
    expect(await main(['users', 'list', ...at, '--json'])).toBe(0);
    expect(JSON.parse(out)).toEqual([
      {
        id: 'bob',
        person: 'bob',
        name: 'bob',
        roles: ['manager'],
        team: 'east',
        manager: null,
        inLog: true,
        keys: 1,
      },
      {
        id: 'ann',
        person: 'ann',
        name: 'Ann Lee',
        roles: ['rep'],
        team: 'east',
        manager: 'bob',
        inLog: true,
        keys: 2,
      },
    ]);
  });

  it('refuses an unknown role', async () => {
    const { at } = folder();
    await expect(main(['users', 'add', 'ann', '--role', 'king', '--team', 'east', ...at])).rejects.toThrow(
      /unknown role "king"/,
    );
  });
});
