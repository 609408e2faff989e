import { transitionCoverage } from '@ltc/workflow-kit';
import { october } from '../test/rates.fixtures';
import { exchangeRatesWorkflow } from './exchange-rates.workflow';

const coverage = transitionCoverage(exchangeRatesWorkflow, {
  reach: { none: [], published: [october] },
  samples: {
    ExchangeRatesPublished: october,
    'ExchangeRatesPublished (another base)': {
      type: 'ExchangeRatesPublished',
      data: { ...october.data, base: 'USD', rates: [{ currency: 'EUR', rate: '1.08' }] },
    },
  },
  accepts: {
    none: ['ExchangeRatesPublished', 'ExchangeRatesPublished (another base)'],
    published: ['ExchangeRatesPublished'],
  },
});

describe('exchange rates transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
