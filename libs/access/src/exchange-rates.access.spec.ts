import type { ExchangeRatesCommand } from '@ltc/workflow-exchange-rates';
import { exchangeRatesAccess } from './exchange-rates.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

describe('exchange rates access', () => {
  const given = accessSpec(exchangeRatesAccess, org);
  const publish = { type: 'PublishExchangeRates', data: {} } as ExchangeRatesCommand;

  it('lets ops, admins and the system publish rates; refuses reps and managers', () => {
    for (const actor of [as('olga'), as('ada'), system])
      given({ state: {} }).when(actor, publish).thenAllowed();
    for (const actor of [as('ann'), as('mia')])
      given({ state: {} }).when(actor, publish).thenRefused('opsOnly');
  });
});
