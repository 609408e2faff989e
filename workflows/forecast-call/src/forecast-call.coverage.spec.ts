import { transitionCoverage } from '@ltc/workflow-kit';
import { annCall } from '../test/call.fixtures';
import { forecastCallWorkflow } from './forecast-call.workflow';

const coverage = transitionCoverage(forecastCallWorkflow, {
  reach: { none: [], called: [annCall] },
  samples: {
    ForecastCallMade: annCall,
    'ForecastCallMade (another period)': {
      type: 'ForecastCallMade',
      data: { ...annCall.data, period: '2027-Q1' },
    },
  },
  accepts: { none: ['ForecastCallMade', 'ForecastCallMade (another period)'], called: ['ForecastCallMade'] },
});

describe('forecast call transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
