import { resolve } from 'node:path';
import type { EventStoreKind } from '@ltc/event-store';
import { ConfigError, invalidVariable } from './config-error';
import { envSchema, type Env, type ParsedEnv } from './env-schema';
import { VARIABLES, type LOG_LEVELS, type VariableName } from './variables';

/** Where the event log and the read models are: what the api and the cli's store commands open. */
export type StoreConfig = Readonly<{
  dataDir: string;
  eventStore: EventStoreKind;
  sqliteFile: string;
  eventStoreConnectionString: string | undefined;
}>;

/** The late-entry limits of the command pipeline (the engine's `LateEntryPolicy` less the roles). */
export type BusinessTimeConfig = Readonly<{ futureSkewMs: number; repWindowDays: number }>;

/** Everything the api reads from its environment, parsed once at start. */
export type AppConfig = StoreConfig &
  Readonly<{
    businessTime: BusinessTimeConfig;
    port: number;
    host: string;
    /** Users, roles, teams and API key digests (`ltc users add`). */
    usersFile: string;
    /** Minutes between idle-customer sweeps; 0 turns the schedule off. */
    sweepIntervalMinutes: number;
    /** pino's level for the JSON log lines. */
    logLevel: (typeof LOG_LEVELS)[number];
    /** Requests per minute per API key (or client address); 0: no limit. */
    rateLimitPerMinute: number;
    /**
     * `FORECAST_STAGE_PROBABILITIES`: the stages it names (`open.negotiation`) with their probability,
     * over the read models' defaults; the api checks the names at start. Empty when unset.
     */
    forecastStageProbabilities: Readonly<Record<string, number>>;
    /** `REPORTING_CURRENCY`: what forecasts report in by default. */
    reportingCurrency: string;
  }>;

/** How the cli reaches a running api. */
export type ClientConfig = Readonly<{ url: string; apiKey: string | undefined }>;

/** Parses the named variables; every refused one is named in a single one-line ConfigError. */
export function readEnv<K extends VariableName>(
  env: Env,
  names: readonly K[],
  labels: Partial<Record<VariableName, string>> = {},
): Partial<Pick<ParsedEnv, K>> {
  const problems: string[] = [];
  const parsed: Partial<Record<VariableName, unknown>> = {};
  for (const name of names) {
    const result = envSchema.shape[name].safeParse(env[name]);
    if (result.success) parsed[name] = result.data;
    else
      problems.push(invalidVariable(labels[name] ?? name, env[name] ?? '', VARIABLES[name].expected).message);
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return parsed as Partial<Pick<ParsedEnv, K>>;
}

/** The store settings; `dataDir` overrides `DATA_DIR` (the cli's `--data-dir`). */
export function loadStoreConfig(env: Env, overrides: { dataDir?: string } = {}): StoreConfig {
  const v = readEnv(env, ['DATA_DIR', 'EVENT_STORE', 'SQLITE_FILE', 'EVENTSTORE_CONNECTION_STRING']);
  const connection = v.EVENTSTORE_CONNECTION_STRING;
  const kind = v.EVENT_STORE ?? (connection === undefined ? 'sqlite' : 'eventstoredb');
  if (kind === 'eventstoredb' && connection === undefined) {
    throw new ConfigError(
      `EVENT_STORE="eventstoredb" needs EVENTSTORE_CONNECTION_STRING, which is not set: expected ` +
        VARIABLES.EVENTSTORE_CONNECTION_STRING.expected,
    );
  }
  const dataDir = resolve(overrides.dataDir ?? v.DATA_DIR ?? './data');
  return {
    dataDir,
    eventStore: kind,
    sqliteFile: resolve(v.SQLITE_FILE ?? resolve(dataDir, 'ltc.sqlite')),
    eventStoreConnectionString: connection,
  };
}

/** `USERS_FILE`, else users.json in `DATA_DIR` (the api and `ltc users` agree on it). */
export function loadUsersFile(env: Env): string {
  const v = readEnv(env, ['DATA_DIR', 'USERS_FILE']);
  return resolve(v.USERS_FILE ?? resolve(v.DATA_DIR ?? './data', 'users.json'));
}

/** `FUTURE_SKEW_SECONDS` (default 300) and `BACKDATE_WINDOW_DAYS` (default 14). */
export function loadBusinessTimeConfig(env: Env): BusinessTimeConfig {
  const v = readEnv(env, ['FUTURE_SKEW_SECONDS', 'BACKDATE_WINDOW_DAYS']);
  return { futureSkewMs: (v.FUTURE_SKEW_SECONDS ?? 300) * 1000, repWindowDays: v.BACKDATE_WINDOW_DAYS ?? 14 };
}

/** The api's whole configuration. */
export function loadAppConfig(env: Env): AppConfig {
  // Every variable first, so one line names all the bad ones at once.
  const v = readEnv(env, [
    'PORT',
    'HOST',
    'DATA_DIR',
    'EVENT_STORE',
    'SQLITE_FILE',
    'EVENTSTORE_CONNECTION_STRING',
    'USERS_FILE',
    'SWEEP_INTERVAL_MINUTES',
    'FUTURE_SKEW_SECONDS',
    'BACKDATE_WINDOW_DAYS',
    'LOG_LEVEL',
    'RATE_LIMIT_PER_MINUTE',
    'FORECAST_STAGE_PROBABILITIES',
    'REPORTING_CURRENCY',
  ]);
  return {
    ...loadStoreConfig(env),
    businessTime: loadBusinessTimeConfig(env),
    port: v.PORT ?? 3000,
    host: v.HOST ?? '0.0.0.0',
    usersFile: loadUsersFile(env),
    sweepIntervalMinutes: v.SWEEP_INTERVAL_MINUTES ?? 60,
    logLevel: v.LOG_LEVEL ?? 'info',
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE ?? 6000,
    forecastStageProbabilities: v.FORECAST_STAGE_PROBABILITIES ?? {},
    reportingCurrency: v.REPORTING_CURRENCY ?? 'EUR',
  };
}

/** `LTC_URL`, else the api on this machine at `PORT`; `LTC_API_KEY`. `--url` and `--key` win over both. */
export function loadClientConfig(env: Env, flags: { url?: string; key?: string } = {}): ClientConfig {
  const fromFlags = readEnv({ LTC_URL: flags.url, LTC_API_KEY: flags.key }, ['LTC_URL', 'LTC_API_KEY'], {
    LTC_URL: '--url',
    LTC_API_KEY: '--key',
  });
  const fromEnv = readEnv(env, [
    ...(flags.url === undefined ? (['LTC_URL', 'PORT'] as const) : []),
    ...(flags.key === undefined ? (['LTC_API_KEY'] as const) : []),
  ]);
  const url = fromFlags.LTC_URL ?? fromEnv.LTC_URL ?? `http://localhost:${fromEnv.PORT ?? 3000}`;
  return { url: url.replace(/\/+$/, ''), apiKey: fromFlags.LTC_API_KEY ?? fromEnv.LTC_API_KEY };
}
