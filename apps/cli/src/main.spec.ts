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
