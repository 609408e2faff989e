import { forecastCallStream } from '@ltc/domain';
import type { ForecastCallCommand } from '@ltc/workflow-forecast-call';
import type { CommandMeta } from '../http/command-meta.decorator';
import { routeTable, type RouteContext } from '../http/command-route';
import { MakeForecastCallDto } from './dtos/forecast-call.dtos';
import { ForecastCallWorkflowCommand } from './forecast-call.command';

/** Whose line a call is on: the rep (the sender by default) or the team (the sender's by default). */
const subjectOf = (body: MakeForecastCallDto, meta: CommandMeta) =>
  body.scope === 'own'
    ? { personId: body.personId ?? meta.actor.id, team: body.team ?? null }
    : { personId: body.personId ?? null, team: body.team ?? meta.actor.team ?? null };

/**
 * Forecast calls over HTTP: `POST /api/forecast-calls`. The stream is the call's line
 * (`forecast-call-own.ann.2026-Q4`, `forecast-call-team.east.2026-Q4`): a new call supersedes the last.
 */
export const forecastCallRoutes = routeTable<ForecastCallCommand>()({
  path: 'forecast-calls',
  label: 'ForecastCall',
  labelPlural: 'ForecastCalls',
  stream: forecastCallStream,
  message: ForecastCallWorkflowCommand,
  routes: {
    MakeForecastCall: {
      path: '',
      dto: MakeForecastCallDto,
      // An invalid subject makes an id the decider refuses (400 naming the field) before anything is appended.
      streamOf: (body: MakeForecastCallDto, meta: CommandMeta) => {
        const { personId, team } = subjectOf(body, meta);
        return `${body.scope}.${(body.scope === 'own' ? personId : team) ?? '-'}.${body.period}`;
      },
      data: (body: MakeForecastCallDto, { meta }: RouteContext) => ({ ...body, ...subjectOf(body, meta) }),
      summary:
        "a rep's call for their own deals or a manager's for the team, for a period (supersedes the last)",
    },
  },
});
