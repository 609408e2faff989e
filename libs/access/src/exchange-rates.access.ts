import type { ExchangeRatesCommand } from '@ltc/workflow-exchange-rates';
import type { AccessRule } from './access-rule';
import { opsOnly } from './incentive.access';

/** Rate tables are sales operations' (and admins', and the system's) to publish. */
export const exchangeRatesAccess: AccessRule<ExchangeRatesCommand, unknown> = ({ actor }) =>
  opsOnly(actor, 'publish exchange rates');
