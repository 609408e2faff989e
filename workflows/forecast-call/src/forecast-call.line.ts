import { parsePeriodId } from '@ltc/workflow-incentive-plan';

export const FORECAST_CALL_SCOPES = ['own', 'team'] as const;
export type ForecastCallScope = (typeof FORECAST_CALL_SCOPES)[number];

/** Whose call it is: a rep's for their own deals (`personId`), or a manager's for a `team`. */
export type ForecastCallLine = Readonly<{
  scope: ForecastCallScope;
  /** The rep whose own deals the call is about; null for a team call. */
  personId: string | null;
  /** The team a team call is about; null for a rep's own call. */
  team: string | null;
  /** A month (`2026-11`) or a quarter (`2026-Q4`). */
  period: string;
}>;

/**
 * The entity id of a call line's stream: `own.<personId>.<period>` or `team.<team>.<period>`. A new call
 * on the same line supersedes the last one; the stream keeps them all.
 */
export function forecastCallLineId(line: ForecastCallLine): string {
  parsePeriodId(line.period);
  const subject = line.scope === 'own' ? line.personId : line.team;
  if (subject === null || subject === '')
    throw new Error(`a ${line.scope} call names its ${line.scope === 'own' ? 'personId' : 'team'}`);
  return `${line.scope}.${subject}.${line.period}`;
}

/** Whether two lines are the same (scope, subject and period). */
export const sameLine = (a: ForecastCallLine, b: ForecastCallLine): boolean =>
  a.scope === b.scope && a.personId === b.personId && a.team === b.team && a.period === b.period;
