import { Module, type OnModuleInit } from '@nestjs/common';
import { triangleMembers } from '@ltc/access';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { authorizeOpportunity } from './opportunity.access';
import { OpportunityCommandHandler } from './opportunity.handler';
import { opportunityRoutes } from './opportunity.routes';

@Module({
  controllers: [CommandController(opportunityRoutes)],
  providers: [OpportunityCommandHandler],
})
export class OpportunitiesModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'opportunity',
      plural: opportunityRoutes.path,
      workflow: opportunityWorkflow,
      streamId: opportunityRoutes.stream.id,
      authorize: (request, state) => authorizeOpportunity(this.access, request, state),
      people: (state) => [state.context.owner, ...triangleMembers(state.context.triangle)],
    });
  }
}
