import { Module, type OnModuleInit } from '@nestjs/common';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { triangleMembers } from '../gates/triangle.access';
import { authorizeOpportunity } from './opportunity.access';
import { OpportunityController } from './opportunity.controller';
import { OpportunityCommandHandler } from './opportunity.handler';

@Module({ controllers: [OpportunityController], providers: [OpportunityCommandHandler] })
export class OpportunitiesModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'opportunity',
      plural: 'opportunities',
      workflow: opportunityWorkflow,
      streamId: (id) => `opportunity-${id}`,
      authorize: (request, state) => authorizeOpportunity(this.access, request, state),
      people: (state) => [state.context.owner, ...triangleMembers(state.context.triangle)],
    });
  }
}
