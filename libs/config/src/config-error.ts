/** A configuration value the process cannot run with; its message is one line meant for the operator. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const SECRET = /^(LTC_API_KEY)$/;

/** The value as it may be shown in a log: passwords in connection strings and key secrets are masked. */
export function shownValue(variable: string, value: string): string {
  if (SECRET.test(variable)) return value.length <= 21 ? '***' : `${value.slice(0, 21)}***`;
  return value.replace(/^([a-z+]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/** `NAME="value" is not allowed: expected …`, the one line every refused value is reported with. */
export function invalidVariable(variable: string, value: string, expected: string): ConfigError {
  return new ConfigError(
    `${variable}=${JSON.stringify(shownValue(variable, value))} is not allowed: expected ${expected}`,
  );
}

/** The EventStoreDB client refused a connection string the schema let through (an option's value). */
export function refusedConnectionString(value: string, error: unknown): ConfigError {
  const why = String((error as { message?: unknown } | null)?.message ?? error);
  return invalidVariable(
    'EVENTSTORE_CONNECTION_STRING',
    value,
    `a connection string the EventStoreDB client accepts (${why.replace(/\.$/, '')})`,
  );
}
