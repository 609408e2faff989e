import { checkStoreDirectories, ConfigError, VARIABLES, type AppConfig } from '@ltc/config';
import { stageProbabilitiesOf, UnknownStageError } from '@ltc/read-models';
import { isKnownCurrency } from '@ltc/domain';
import { readUsersFile } from '@ltc/users';
import { createEventStore } from './event-store/create-event-store';

/**
 * What the configuration names must also exist and be usable: writable data directories, a readable
 * users file, a connection string the EventStoreDB client can parse, forecast stages and a reporting currency that exist. Checked before Nest starts, so a
 * bad value stops the process with one line (inside Nest's injector it would be a stack trace).
 */
export async function checkStartup(config: AppConfig): Promise<void> {
  checkStoreDirectories(config);
  try {
    readUsersFile(config.usersFile);
  } catch (error) {
    const why = String((error as { message?: unknown } | null)?.message ?? error);
    throw new ConfigError(
      `USERS_FILE=${JSON.stringify(config.usersFile)} is not allowed: ${why}; expected ${VARIABLES.USERS_FILE.expected}`,
    );
  }
  try {
    stageProbabilitiesOf(config.forecastStageProbabilities);
  } catch (error) {
    if (!(error instanceof UnknownStageError)) throw error;
    const given = Object.entries(config.forecastStageProbabilities)
      .map(([stage, p]) => `${stage.replace(/^open\./, '')}=${p}`)
      .join(',');
    throw new ConfigError(
      `FORECAST_STAGE_PROBABILITIES=${JSON.stringify(given)} is not allowed: ${error.message}; expected ${VARIABLES.FORECAST_STAGE_PROBABILITIES.expected}`,
    );
  }
  if (!isKnownCurrency(config.reportingCurrency)) {
    throw new ConfigError(
      `REPORTING_CURRENCY=${JSON.stringify(config.reportingCurrency)} is not allowed: no such currency; expected ${VARIABLES.REPORTING_CURRENCY.expected}`,
    );
  }
  // The schema checks the connection string's shape; the client's own parser checks its options too.
  if (config.eventStore === 'eventstoredb') await createEventStore(config).close();
}
