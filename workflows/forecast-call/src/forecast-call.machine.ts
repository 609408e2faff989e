import { assign, setup } from 'xstate';
import { emptyForecastCallContext, type ForecastCallContext } from './forecast-call.context';
import type { ForecastCallEvent } from './forecast-call.events';
import { sameLine } from './forecast-call.line';

type Args = Readonly<{ context: ForecastCallContext; event: ForecastCallEvent }>;

const lineOf = ({ scope, personId, team, period }: ForecastCallEvent['data']) => ({
  scope,
  personId,
  team,
  period,
});

/** Pure guards of the call machine, by name; their texts are `forecastCallRefusalTexts`. */
export const forecastCallGuards = {
  sameLine: ({ context, event }: Args): boolean =>
    context.line === null || sameLine(context.line, lineOf(event.data)),
} as const;

export const forecastCallRefusalTexts: Readonly<Record<string, string>> = {
  sameLine: "a call line's stream holds calls of one scope, person or team and period only",
};

/** A forecast call line: the first call opens it, every later call supersedes the one in force. */
export const forecastCallMachine = setup({
  types: { context: {} as ForecastCallContext, events: {} as ForecastCallEvent },
  guards: forecastCallGuards,
  actions: {
    call: assign(({ context, event }: Args) => ({
      line: lineOf(event.data),
      current: event.data,
      calls: context.calls + 1,
    })),
  },
}).createMachine({
  id: 'forecast-call',
  context: emptyForecastCallContext,
  initial: 'none',
  states: {
    none: { on: { ForecastCallMade: { target: 'called', actions: 'call' } } },
    called: { on: { ForecastCallMade: { guard: 'sameLine', actions: 'call' } } },
  },
});
