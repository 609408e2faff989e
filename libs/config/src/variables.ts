import type { EventStoreKind } from '@ltc/event-store';

/** setTimeout and setInterval hold at most 2^31-1 ms; a longer delay fires after 1 ms instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The longest sweep interval a timer can wait: 35,791 minutes (about 24.8 days). */
export const MAX_SWEEP_INTERVAL_MINUTES = Math.floor(MAX_TIMER_MS / 60_000);

/** The largest future skew a clock drift can justify: one day. */
export const MAX_FUTURE_SKEW_SECONDS = 86_400;

/** The longest back-dating window for reps and managers: ten years. */
export const MAX_BACKDATE_WINDOW_DAYS = 3_660;

/** The most requests per minute `RATE_LIMIT_PER_MINUTE` may allow one key. */
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

/** The levels `LOG_LEVEL` may name (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every adapter kind `EVENT_STORE` may name; the type is the event-store port's own. */
export const EVENT_STORE_KINDS = [
  'sqlite',
  'eventstoredb',
  'memory',
] as const satisfies readonly EventStoreKind[];

// Fails to compile when the port gains a kind this list does not name.
const everyKindListed: Exclude<EventStoreKind, (typeof EVENT_STORE_KINDS)[number]> extends never
  ? true
  : never = true;
void everyKindListed;

/** One environment variable: who reads it, its default and what it accepts (the README table's rows). */
export type Variable = Readonly<{
  readBy: 'api' | 'api, cli' | 'cli';
  default: string;
  expected: string;
  meaning: string;
}>;

/** Every variable the api and the cli read, with its bounds; the README's Configuration table lists them. */
export const VARIABLES = {
  PORT: {
    readBy: 'api, cli',
    default: '3000',
    expected: 'an integer from 0 to 65535 (0 picks a free port)',
    meaning: 'HTTP port; the cli calls `http://localhost:$PORT` when `LTC_URL` is not set',
  },
  HOST: {
    readBy: 'api',
    default: '0.0.0.0',
    expected: 'an interface address or host name',
    meaning: 'interface to listen on',
  },
  DATA_DIR: {
    readBy: 'api, cli',
    default: './data',
    expected: 'a directory this process can create and write',
    meaning: 'holds the SQLite file, the read models and the users file; checked at start',
  },
  EVENT_STORE: {
    readBy: 'api, cli',
    default: '`sqlite` (`eventstoredb` when a connection string is set)',
    expected: `one of ${EVENT_STORE_KINDS.join(', ')}`,
    meaning: '`memory` keeps nothing across restarts (the cli cannot read it)',
  },
  SQLITE_FILE: {
    readBy: 'api, cli',
    default: '`$DATA_DIR/ltc.sqlite`',
    expected: 'a file path in a writable directory',
    meaning: "the embedded store's file",
  },
  EVENTSTORE_CONNECTION_STRING: {
    readBy: 'api, cli',
    default: '—',
    expected: 'an EventStoreDB connection string: esdb://host:2113?tls=false or esdb+discover://host:2113',
    meaning: 'selects EventStoreDB; a password in it is masked in messages',
  },
  USERS_FILE: {
    readBy: 'api, cli',
    default: '`$DATA_DIR/users.json`',
    expected: 'a users file written by `ltc users`',
    meaning: 'users, roles, teams and API key digests',
  },
  SWEEP_INTERVAL_MINUTES: {
    readBy: 'api',
    default: '60',
    expected: `whole minutes from 0 to ${MAX_SWEEP_INTERVAL_MINUTES} (0 turns the sweep off; a timer cannot wait longer than 2^31-1 ms, about 24.8 days)`,
    meaning: 'minutes between idle-customer sweeps',
  },
  FUTURE_SKEW_SECONDS: {
    readBy: 'api, cli',
    default: '300',
    expected: `whole seconds from 0 to ${MAX_FUTURE_SKEW_SECONDS}`,
    meaning: 'how far after the server clock a business time (`occurredAt`) may lie',
  },
  BACKDATE_WINDOW_DAYS: {
    readBy: 'api, cli',
    default: '14',
    expected: `whole days from 0 to ${MAX_BACKDATE_WINDOW_DAYS}`,
    meaning: 'how far back reps and managers may date a fact; ops and admin have no limit',
  },
  LOG_LEVEL: {
    readBy: 'api',
    default: 'info',
    expected: `one of ${LOG_LEVELS.join(', ')}`,
    meaning: 'JSON lines on stdout, one per request at `info`; `debug` adds the framework start-up lines',
  },
  RATE_LIMIT_PER_MINUTE: {
    readBy: 'api',
    default: '6000',
    expected: `whole requests from 0 to ${MAX_RATE_LIMIT_PER_MINUTE} (0 turns the limit off)`,
    meaning: 'requests per minute one API key (a client address without one) may make; beyond: 429',
  },
  FORECAST_STAGE_PROBABILITIES: {
    readBy: 'api',
    default:
      '`opened=0.05,validated=0.1,preBidGuidance=0.2,bidPreparation=0.3,bidReady=0.4,bidSubmitted=0.5,negotiation=0.7`',
    expected:
      'comma-separated `stage=probability` pairs: an open stage of the opportunity (`negotiation` or `open.negotiation`), each once, and a decimal from 0 to 1',
    meaning:
      'the stage-weighted forecast: the probability of winning from each open stage (a stage not named keeps its default); recorded in every answer; checked at start',
  },
  REPORTING_CURRENCY: {
    readBy: 'api',
    default: 'EUR',
    expected: 'a known ISO-4217 code such as EUR, USD, JPY',
    meaning:
      'the currency forecasts report in when the query names none (`currency=`): other currencies convert at the exchange rates in force',
  },
  LTC_URL: {
    readBy: 'cli',
    default: '`http://localhost:$PORT`',
    expected: 'an http:// or https:// URL of a running api',
    meaning: 'where `ltc customers sweep` sends its request (`--url` wins)',
  },
  LTC_API_KEY: {
    readBy: 'cli',
    default: '—',
    expected: 'an API key from `ltc users add` (`ltc_<key id>_<secret>`)',
    meaning: 'the key `ltc customers sweep` sends (`--key` wins); its secret is masked in messages',
  },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;
