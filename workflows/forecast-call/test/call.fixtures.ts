import { deciderSpec } from '@ltc/workflow-kit';
import type { ForecastCallMade } from '../src/forecast-call.events';
import { defaultForecastCallPolicy, forecastCallWorkflow } from '../src/forecast-call.workflow';

export const at = '2026-10-05T09:00:00.000Z';
export const given = deciderSpec(forecastCallWorkflow, {
  at,
  actor: 'ann',
  policy: defaultForecastCallPolicy,
});

/** Ann's own call for 2026-Q4: commit EUR 120,000.00, best case EUR 180,000.00. */
export const annCall: ForecastCallMade = {
  type: 'ForecastCallMade',
  data: {
    scope: 'own',
    personId: 'ann',
    team: null,
    period: '2026-Q4',
    currency: 'EUR',
    commitMinor: 12_000_000,
    bestCaseMinor: 18_000_000,
    note: 'acme signs in November',
    by: 'ann',
  },
};

/** Bob's call for the east team, same quarter. */
export const eastCall: ForecastCallMade = {
  type: 'ForecastCallMade',
  data: { ...annCall.data, scope: 'team', personId: null, team: 'east', by: 'bob', note: '' },
};
