import { isKnownCurrency } from '@ltc/domain';
import {
  InvalidCommandError,
  LIMITS,
  defineWorkflow,
  optionalText,
  requireId,
  requireInteger,
  requireOneOf,
} from '@ltc/workflow-kit';
import { asCommandField, parsePeriodId } from '@ltc/workflow-incentive-plan';
import type { ForecastCallCommand } from './forecast-call.commands';
import { FORECAST_CALL_SCOPES } from './forecast-call.line';
import { forecastCallMachine, forecastCallRefusalTexts } from './forecast-call.machine';

/** The forecast call workflow has no configuration; the type keeps its place beside the others'. */
export type ForecastCallPolicy = Readonly<Record<string, never>>;
export const defaultForecastCallPolicy: ForecastCallPolicy = {};

/** Amounts of a call: whole minor units, up to 10^13 (100 billion in cents), as incentive targets. */
export const MAX_CALL_MINOR = 10_000_000_000_000;

/**
 * The call decider: a rep's call names the rep (the sender by default), a team call its team; commit and
 * best case are whole minor units of a known currency with commit <= best case; `by` is the sender.
 */
export const forecastCallWorkflow = defineWorkflow<
  typeof forecastCallMachine,
  ForecastCallCommand,
  ForecastCallPolicy
>({
  name: 'forecast-call',
  version: 1,
  machine: forecastCallMachine,
  refusalTexts: forecastCallRefusalTexts,
  commands: {
    MakeForecastCall: {
      produces: 'ForecastCallMade',
      build: ({ type, data }, _state, { actor }) => {
        const scope = requireOneOf(type, 'scope', data.scope, FORECAST_CALL_SCOPES);
        const own = scope === 'own';
        const personId = own ? requireId(type, 'personId', data.personId ?? actor) : null;
        const team = own ? null : requireId(type, 'team', data.team);
        if (own && data.team !== undefined && data.team !== null) {
          throw new InvalidCommandError(type, 'team', 'must be absent for an own call (use scope team)');
        }
        if (!own && data.personId !== undefined && data.personId !== null) {
          throw new InvalidCommandError(type, 'personId', 'must be absent for a team call');
        }
        const period = asCommandField(type, () => parsePeriodId(data.period).id);
        if (!isKnownCurrency(data.currency)) {
          throw new InvalidCommandError(type, 'currency', 'must be a known ISO-4217 code such as EUR');
        }
        const commitMinor = requireInteger(type, 'commitMinor', data.commitMinor, 0, MAX_CALL_MINOR);
        const bestCaseMinor = requireInteger(type, 'bestCaseMinor', data.bestCaseMinor, 0, MAX_CALL_MINOR);
        if (bestCaseMinor < commitMinor) {
          throw new InvalidCommandError(
            type,
            'bestCaseMinor',
            `must be at least commitMinor (${commitMinor}): the best case includes the commit`,
          );
        }
        return {
          type: 'ForecastCallMade',
          data: {
            scope,
            personId,
            team,
            period,
            currency: data.currency,
            commitMinor,
            bestCaseMinor,
            note: optionalText(type, 'note', data.note, LIMITS.prose),
            by: actor,
          },
        };
      },
    },
  },
});
