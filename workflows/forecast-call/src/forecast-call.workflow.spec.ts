import { annCall, given } from '../test/call.fixtures';
import type { MakeForecastCall } from './forecast-call.commands';
import { forecastCallLineId } from './forecast-call.line';

const call: MakeForecastCall = {
  type: 'MakeForecastCall',
  data: {
    scope: 'own',
    period: '2026-Q4',
    currency: 'EUR',
    commitMinor: 12_000_000,
    bestCaseMinor: 18_000_000,
    note: 'acme signs in November',
  },
};

describe('forecast call', () => {
  it("records a rep's own call, the rep being the sender", () => {
    const { state } = given([]).when(call).then([annCall]);
    expect(state.value).toBe('called');
    expect(state.context.calls).toBe(1);
  });

  it('supersedes the call in force with a new one; both stay on the stream', () => {
    const revised = { ...call, data: { ...call.data, commitMinor: 9_000_000, note: 'acme slips' } };
    const { state } = given([annCall])
      .when(revised)
      .then([
        { type: 'ForecastCallMade', data: { ...annCall.data, commitMinor: 9_000_000, note: 'acme slips' } },
      ]);
    expect(state.context.calls).toBe(2);
    expect(state.context.current?.commitMinor).toBe(9_000_000);
  });

  it("records a manager's team call with who made it", () => {
    given([])
      .when({ ...call, data: { ...call.data, scope: 'team', team: 'east', note: '' } }, { actor: 'bob' })
      .then([
        {
          type: 'ForecastCallMade',
          data: { ...annCall.data, scope: 'team', personId: null, team: 'east', note: '', by: 'bob' },
        },
      ]);
  });

  it('refuses a call of another line on the stream', () => {
    given([annCall])
      .when({ ...call, data: { ...call.data, period: '2027-Q1' } })
      .thenRefuses('sameLine');
  });

  it.each<[string, Partial<MakeForecastCall['data']>]>([
    ['scope', { scope: 'mine' as 'own' }],
    ['period', { period: '2026-Q5' }],
    ['currency', { currency: 'EUX' }],
    ['commitMinor', { commitMinor: 10.5 }],
    ['commitMinor', { commitMinor: -1 }],
    ['bestCaseMinor', { bestCaseMinor: 11_999_999 }],
    ['team', { scope: 'team' }],
    ['team', { team: 'east' }],
    ['personId', { scope: 'team', team: 'east', personId: 'ann' }],
    ['note', { note: 'x'.repeat(2001) }],
  ])('refuses bad input, naming %s', (field, change) => {
    given([])
      .when({ ...call, data: { ...call.data, ...change } })
      .thenInvalid(field);
  });

  it('names a line by scope, subject and period', () => {
    expect(forecastCallLineId(annCall.data)).toBe('own.ann.2026-Q4');
    expect(forecastCallLineId({ scope: 'team', personId: null, team: 'east', period: '2026-11' })).toBe(
      'team.east.2026-11',
    );
  });
});
