import { incentivePeriodStream } from '@ltc/domain';
import { parseIncentivePeriodStreamId, type IncentivePeriodCommand } from '@ltc/workflow-incentive-period';
import { routeTable, type RouteContext } from '../http/command-route';
import { IncentivePeriodCommandDto } from './dtos/incentive-plan.dtos';
import { IncentivePeriodWorkflowCommand } from './incentive.commands';

/** `{planId}.{period}` of the path as the command's data (a malformed one fails the workflow's checks). */
const planAndPeriod = (_body: IncentivePeriodCommandDto, { id }: RouteContext) =>
  parseIncentivePeriodStreamId(incentivePeriodStream.id(id)) ?? { planId: id, period: '' };

/**
 * Every period command over HTTP: `POST /api/incentives/periods/{planId}.{period}/open|close`, the id
 * being the stream's (`incentive-period-<planId>.<period>`).
 */
export const incentivePeriodRoutes = routeTable<IncentivePeriodCommand>()({
  path: 'incentives/periods',
  label: 'IncentivePeriod',
  labelPlural: 'IncentivePeriods',
  stream: incentivePeriodStream,
  message: IncentivePeriodWorkflowCommand,
  routes: {
    OpenIncentivePeriod: {
      path: ':id/open',
      dto: IncentivePeriodCommandDto,
      data: planAndPeriod,
      summary: 'open a period of a published plan (sales operations, admins)',
    },
    CloseIncentivePeriod: {
      path: ':id/close',
      dto: IncentivePeriodCommandDto,
      data: planAndPeriod,
      summary:
        "close a period: its statements freeze at this log position; closed is final (ops, or a manager of the plan's participants)",
    },
  },
});
