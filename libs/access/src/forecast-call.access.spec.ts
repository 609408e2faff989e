import type { ForecastCallCommand } from '@ltc/workflow-forecast-call';
import { forecastCallAccess, forecastCallsVisibleTo } from './forecast-call.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const call = (data: Partial<ForecastCallCommand['data']>): ForecastCallCommand => ({
  type: 'MakeForecastCall',
  data: { scope: 'own', period: '2026-Q4', currency: 'EUR', commitMinor: 1, bestCaseMinor: 2, ...data },
});

describe('forecast call access', () => {
  const given = accessSpec(forecastCallAccess, org);

  it('lets a rep make their own call, and no one else’s', () => {
    given({ state: {} }).when(as('ann'), call({})).thenAllowed();
    given({ state: {} })
      .when(as('ann'), call({ personId: 'ann' }))
      .thenAllowed();
    given({ state: {} })
      .when(as('ann'), call({ personId: 'bob' }))
      .thenRefused('ownCallOnly');
    // a manager speaks for the team, not in a rep's own name
    given({ state: {} })
      .when(as('mia'), call({ personId: 'ann' }))
      .thenRefused('ownCallOnly');
  });

  it("lets a manager call for their own team only; refuses reps' team calls", () => {
    given({ state: {} })
      .when(as('mia'), call({ scope: 'team', team: 'north' }))
      .thenAllowed();
    given({ state: {} })
      .when(as('mia'), call({ scope: 'team', team: 'south' }))
      .thenRefused('managerOfTeam');
    given({ state: {} })
      .when(as('ann'), call({ scope: 'team', team: 'north' }))
      .thenRefused('managerOfTeam');
  });

  it('lets ops, admins and the system record any call', () => {
    for (const actor of [as('olga'), as('ada'), system]) {
      given({ state: {} })
        .when(actor, call({ personId: 'cat' }))
        .thenAllowed();
      given({ state: {} })
        .when(actor, call({ scope: 'team', team: 'south' }))
        .thenAllowed();
    }
  });

  it('shows a rep their own calls, a manager their team’s, ops all', () => {
    expect(forecastCallsVisibleTo(as('ann'), org)).toEqual({ people: ['ann'], teams: [] });
    expect(forecastCallsVisibleTo(as('mia'), org)).toEqual({
      people: ['mia', 'ann', 'bob'],
      teams: ['north'],
    });
    expect(forecastCallsVisibleTo(as('olga'), org)).toBeUndefined();
  });
});
