import { exchangeRatesStream } from '@ltc/domain';
import type { ExchangeRatesCommand } from '@ltc/workflow-exchange-rates';
import { routeTable } from '../http/command-route';
import { PublishExchangeRatesDto } from './dtos/exchange-rates.dtos';
import { ExchangeRatesWorkflowCommand } from './exchange-rates.command';

/** Rate tables over HTTP: `POST /api/exchange-rates` (sales operations and admins); the stream is the base's. */
export const exchangeRatesRoutes = routeTable<ExchangeRatesCommand>()({
  path: 'exchange-rates',
  label: 'ExchangeRates',
  labelPlural: 'ExchangeRateTables',
  stream: exchangeRatesStream,
  message: ExchangeRatesWorkflowCommand,
  routes: {
    PublishExchangeRates: {
      path: '',
      dto: PublishExchangeRatesDto,
      streamOf: (body: PublishExchangeRatesDto) => body.base,
      summary: 'publish a rate table against a base from a day on (a day published again is corrected)',
    },
  },
});
