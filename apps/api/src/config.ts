import { resolve } from 'node:path';

export type EventStoreKind = 'sqlite' | 'eventstoredb' | 'memory';

/** Everything the api reads from its environment, parsed once at start. */
export type AppConfig = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreKind;
  sqliteFile: string;
  eventStoreConnectionString: string | undefined;
  /** Users, roles, teams and API key digests (`ltc users add`). */
  usersFile: string;
  /** Minutes between idle-customer sweeps; 0 turns the schedule off. */
  sweepIntervalMinutes: number;
}>;

export class ConfigError extends Error {}

const KINDS: readonly EventStoreKind[] = ['sqlite', 'eventstoredb', 'memory'];

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new ConfigError(`${name} must be a number >= 0, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 3000 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${env['PORT']}"`);
  }
  const connection = env['EVENTSTORE_CONNECTION_STRING'] || undefined;
  const kind = (env['EVENT_STORE'] || (connection ? 'eventstoredb' : 'sqlite')) as EventStoreKind;
  if (!KINDS.includes(kind)) {
    throw new ConfigError(`EVENT_STORE must be one of ${KINDS.join(', ')}, got "${kind}"`);
  }
  if (kind === 'eventstoredb' && !connection) {
    throw new ConfigError(
      'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (esdb://host:2113?tls=false)',
    );
  }
  const dataDir = resolve(env['DATA_DIR'] || './data');
  return {
    port,
    host: env['HOST'] || '0.0.0.0',
    dataDir,
    eventStore: kind,
    sqliteFile: resolve(env['SQLITE_FILE'] || resolve(dataDir, 'ltc.sqlite')),
    eventStoreConnectionString: connection,
    usersFile: resolve(env['USERS_FILE'] || resolve(dataDir, 'users.json')),
    sweepIntervalMinutes: nonNegative(env, 'SWEEP_INTERVAL_MINUTES', 60),
  };
}
