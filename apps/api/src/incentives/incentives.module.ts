import { Module, type OnModuleInit } from '@nestjs/common';
import { incentivePeriodWorkflow } from '@ltc/workflow-incentive-period';
import { incentivePlanWorkflow } from '@ltc/workflow-incentive-plan';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { authorizeIncentivePeriod, authorizeIncentivePlan } from './incentive.access';
import { IncentivePeriodCommandHandler, IncentivePlanCommandHandler } from './incentive.handlers';
import { incentivePeriodRoutes } from './incentive-period.routes';
import { incentivePlanRoutes } from './incentive-plan.routes';

/**
 * Incentives, the write side: plans (`/api/incentives/plans`) and periods (`/api/incentives/periods`),
 * each a route table with the stream reads every workflow has.
 */
@Module({
  controllers: [CommandController(incentivePlanRoutes), CommandController(incentivePeriodRoutes)],
  providers: [IncentivePlanCommandHandler, IncentivePeriodCommandHandler],
})
export class IncentivesModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'incentive-plan',
      plural: incentivePlanRoutes.path,
      workflow: incentivePlanWorkflow,
      streamId: incentivePlanRoutes.stream.id,
      authorize: (request) => authorizeIncentivePlan(this.access, request),
      // A plan is its participants' to read (their teams, their managers, ops and admins).
      people: (state) => state.context.terms?.participants ?? [],
    });
    this.registry.register({
      kind: 'incentive-period',
      plural: incentivePeriodRoutes.path,
      workflow: incentivePeriodWorkflow,
      streamId: incentivePeriodRoutes.stream.id,
      // The "allowed" lists of a period's answers: the rule without the plan's participants (ops only).
      authorize: (request) => authorizeIncentivePeriod(this.access, request, []),
      // A period's status is everyone's to read.
      people: () => ['*'],
    });
  }
}
