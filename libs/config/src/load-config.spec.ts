import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { loadAppConfig, loadClientConfig, loadStoreConfig, loadUsersFile } from './load-config';
import { MAX_TIMER_MS } from './variables';

const KEY = `ltc_0123456789abcdef_${'a'.repeat(43)}`;

/** The message of the ConfigError `load` throws (and that it throws one). */
function refusal(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('defaults to the embedded SQLite store under ./data on port 3000', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ port: 3000, eventStore: 'sqlite', dataDir: resolve('data') });
    expect(config.sqliteFile).toBe(resolve('data/ltc.sqlite'));
    expect(config.usersFile).toBe(resolve('data/users.json'));
    expect(config.sweepIntervalMinutes).toBe(60);
    expect(config.businessTime).toEqual({ futureSkewMs: 300_000, repWindowDays: 14 });
    expect(config).toMatchObject({ logLevel: 'info', rateLimitPerMinute: 6000 });
  });

  it('reads the late-entry limits: skew in seconds (kept in ms), window in days', () => {
    const config = loadAppConfig({ FUTURE_SKEW_SECONDS: '60', BACKDATE_WINDOW_DAYS: '0' });
    expect(config.businessTime).toEqual({ futureSkewMs: 60_000, repWindowDays: 0 });
    expect(() => loadAppConfig({ BACKDATE_WINDOW_DAYS: '3661' })).toThrow(
      'BACKDATE_WINDOW_DAYS="3661" is not allowed: expected whole days from 0 to 3660',
    );
  });

  it('reads the forecast stage probabilities as full stage names, each once, from 0 to 1', () => {
    expect(loadAppConfig({}).forecastStageProbabilities).toEqual({});
    expect(
      loadAppConfig({
        FORECAST_STAGE_PROBABILITIES: 'negotiation=0.75, open.bidSubmitted=0.55,opened=0,bidReady=1',
      }).forecastStageProbabilities,
    ).toEqual({ 'open.negotiation': 0.75, 'open.bidSubmitted': 0.55, 'open.opened': 0, 'open.bidReady': 1 });
    for (const bad of [
      'negotiation=1.5',
      'negotiation',
      'negotiation=0.7,negotiation=0.8',
      'negotiation=-0.1',
      '=0.5',
    ])
      expect(refusal(() => loadAppConfig({ FORECAST_STAGE_PROBABILITIES: bad }))).toBe(
        `FORECAST_STAGE_PROBABILITIES=${JSON.stringify(bad)} is not allowed: expected comma-separated ` +
          '`stage=probability` pairs: an open stage of the opportunity (`negotiation` or `open.negotiation`), ' +
          'each once, and a decimal from 0 to 1',
      );
  });

  it('switches to EventStoreDB when a connection string is given', () => {
    const config = loadAppConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' });
    expect(config.eventStore).toBe('eventstoredb');
    expect(config.eventStoreConnectionString).toBe('esdb://localhost:2113?tls=false');
  });

  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb://admin:changeit@a:2113,b:2113,c:2113?nodePreference=leader',
    'esdb+discover://cluster.example.com:2113',
    'esdb://[::1]:2113/?tls=false',
  ])('accepts the connection string %s', (connection) => {
    expect(loadAppConfig({ EVENTSTORE_CONNECTION_STRING: connection }).eventStoreConnectionString).toBe(
      connection,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadAppConfig({ PORT: '', SWEEP_INTERVAL_MINUTES: ' ', EVENT_STORE: '' })).toMatchObject({
      port: 3000,
      sweepIntervalMinutes: 60,
      eventStore: 'sqlite',
    });
  });

  it('accepts the longest sweep interval a timer can wait, and 0 (off)', () => {
    const longest = loadAppConfig({ SWEEP_INTERVAL_MINUTES: '35791' }).sweepIntervalMinutes;
    expect(longest * 60_000).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect((longest + 1) * 60_000).toBeGreaterThan(MAX_TIMER_MS);
    expect(loadAppConfig({ SWEEP_INTERVAL_MINUTES: '0' }).sweepIntervalMinutes).toBe(0);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc" is not allowed: expected an integer from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT="70000" is not allowed: expected an integer from 0 to 65535'],
    [{ PORT: '0x10' }, 'PORT="0x10" is not allowed'],
    [
      { EVENT_STORE: 'oracle' },
      'EVENT_STORE="oracle" is not allowed: expected one of sqlite, eventstoredb, memory',
    ],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENT_STORE="eventstoredb" needs EVENTSTORE_CONNECTION_STRING'],
    [
      { SWEEP_INTERVAL_MINUTES: '40000' },
      'SWEEP_INTERVAL_MINUTES="40000" is not allowed: expected whole minutes from 0 to 35791',
    ],
    [{ SWEEP_INTERVAL_MINUTES: '-1' }, 'SWEEP_INTERVAL_MINUTES="-1" is not allowed'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL="loud" is not allowed: expected one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      { RATE_LIMIT_PER_MINUTE: '1e6' },
      'RATE_LIMIT_PER_MINUTE="1e6" is not allowed: expected whole requests from 0 to 1000000',
    ],
    [{ RATE_LIMIT_PER_MINUTE: '1000001' }, 'RATE_LIMIT_PER_MINUTE="1000001" is not allowed'],
    [{ SWEEP_INTERVAL_MINUTES: '1e9' }, 'SWEEP_INTERVAL_MINUTES="1e9" is not allowed'],
    [
      { EVENTSTORE_CONNECTION_STRING: 'foo' },
      'EVENTSTORE_CONNECTION_STRING="foo" is not allowed: expected an EventStoreDB connection string: esdb://',
    ],
    [{ EVENTSTORE_CONNECTION_STRING: 'esdb://' }, 'EVENTSTORE_CONNECTION_STRING="esdb://" is not allowed'],
    [
      { EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' },
      'EVENTSTORE_CONNECTION_STRING="http://localhost:2113" is not allowed',
    ],
  ])('refuses %p in one line naming the variable, the value and what is allowed', (env, message) => {
    const text = refusal(() => loadAppConfig(env));
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('names every bad variable at once, in one line', () => {
    const text = refusal(() => loadAppConfig({ PORT: 'abc', SWEEP_INTERVAL_MINUTES: '40000' }));
    expect(text).toMatch(/^PORT="abc" is not allowed: .+; SWEEP_INTERVAL_MINUTES="40000" is not allowed: /);
    expect(text).not.toContain('\n');
  });

  it('masks the password of a refused connection string', () => {
    const text = refusal(() =>
      loadAppConfig({ EVENTSTORE_CONNECTION_STRING: 'esdb://admin:s3cret@host:2113 with a space' }),
    );
    expect(text).toContain('"esdb://admin:***@host:2113 with a space"');
    expect(text).not.toContain('s3cret');
  });
});

describe('loadStoreConfig and loadUsersFile', () => {
  it('takes the cli --data-dir over DATA_DIR, and derives the files from it', () => {
    const config = loadStoreConfig({ DATA_DIR: '/srv/ltc' }, { dataDir: '/tmp/other' });
    expect(config).toMatchObject({ dataDir: '/tmp/other', sqliteFile: '/tmp/other/ltc.sqlite' });
  });

  it('puts the users file in DATA_DIR unless USERS_FILE says otherwise', () => {
    expect(loadUsersFile({ DATA_DIR: '/srv/ltc' })).toBe('/srv/ltc/users.json');
    expect(loadUsersFile({ DATA_DIR: '/srv/ltc', USERS_FILE: '/etc/ltc/users.json' })).toBe(
      '/etc/ltc/users.json',
    );
  });
});

describe('loadClientConfig', () => {
  it('calls LTC_URL, else the api on this machine at PORT', () => {
    expect(loadClientConfig({}).url).toBe('http://localhost:3000');
    expect(loadClientConfig({ PORT: '4010' }).url).toBe('http://localhost:4010');
    expect(loadClientConfig({ PORT: '4010', LTC_URL: 'https://ltc.example.com/' }).url).toBe(
      'https://ltc.example.com',
    );
    expect(loadClientConfig({ LTC_URL: 'http://a:1' }, { url: 'http://b:2' }).url).toBe('http://b:2');
  });

  it('takes the key from --key, else LTC_API_KEY', () => {
    expect(loadClientConfig({ LTC_API_KEY: KEY }).apiKey).toBe(KEY);
    expect(loadClientConfig({}).apiKey).toBeUndefined();
  });

  it.each([
    [
      { LTC_URL: 'localhost:3000' },
      {},
      'LTC_URL="localhost:3000" is not allowed: expected an http:// or https:// URL',
    ],
    [{}, { url: 'ftp://x' }, '--url="ftp://x" is not allowed: expected an http:// or https:// URL'],
    [{ PORT: 'abc' }, {}, 'PORT="abc" is not allowed'],
    [
      { LTC_API_KEY: `${KEY}\n` },
      {},
      'LTC_API_KEY="ltc_0123456789abcdef_***" is not allowed: expected an API key',
    ],
  ])('refuses %p %p', (env, flags, message) => {
    const text = refusal(() => loadClientConfig(env, flags));
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('ignores a bad LTC_URL when --url is given', () => {
    expect(loadClientConfig({ LTC_URL: 'nonsense' }, { url: 'http://127.0.0.1:9' }).url).toBe(
      'http://127.0.0.1:9',
    );
  });
});
