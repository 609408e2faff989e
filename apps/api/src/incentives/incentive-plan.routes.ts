import { incentivePlanStream } from '@ltc/domain';
import type { IncentivePlanCommand } from '@ltc/workflow-incentive-plan';
import { routeTable, type RouteContext } from '../http/command-route';
import {
  CorrectIncentivePlanDto,
  PublishIncentivePlanDto,
  RetireIncentivePlanDto,
  SetIncentiveTargetDto,
} from './dtos/incentive-plan.dtos';
import { IncentivePlanWorkflowCommand } from './incentive.commands';

/** Every plan command over HTTP: `POST /api/incentives/plans/...` (sales operations and admins). */
export const incentivePlanRoutes = routeTable<IncentivePlanCommand>()({
  path: 'incentives/plans',
  label: 'IncentivePlan',
  labelPlural: 'IncentivePlans',
  stream: incentivePlanStream,
  message: IncentivePlanWorkflowCommand,
  routes: {
    PublishIncentivePlan: {
      path: '',
      dto: PublishIncentivePlanDto,
      creates: 'planId',
      data: (body: PublishIncentivePlanDto, { id }: RouteContext) => ({
        planId: id,
        effectiveFrom: body.effectiveFrom,
        terms: body.terms,
      }),
      summary: 'publish an incentive plan from a period on (terms checked whole)',
    },
    CorrectIncentivePlan: {
      path: ':id/correct',
      dto: CorrectIncentivePlanDto,
      data: (body: CorrectIncentivePlanDto, { id }: RouteContext) => ({ planId: id, ...body }),
      summary: 'new terms from a period on; a closed period corrected shows as adjustments in the open one',
    },
    RetireIncentivePlan: {
      path: ':id/retire',
      dto: RetireIncentivePlanDto,
      data: (body: RetireIncentivePlanDto, { id }: RouteContext) => ({ planId: id, ...body }),
      summary: 'retire a plan: no earnings for periods after effectiveAfter',
    },
    SetIncentiveTarget: {
      path: ':id/targets',
      dto: SetIncentiveTargetDto,
      data: (body: SetIncentiveTargetDto, { id }: RouteContext) => ({ planId: id, ...body }),
      summary: "set (or change) a participant's target and target bonus for a period",
    },
  },
});
