import { Module, type OnModuleInit } from '@nestjs/common';
import { leadWorkflow } from '@ltc/workflow-lead';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { authorizeLead } from './lead.access';
import { LeadController } from './lead.controller';
import { LeadCommandHandler } from './lead.handler';

@Module({ controllers: [LeadController], providers: [LeadCommandHandler] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'lead',
      plural: 'leads',
      workflow: leadWorkflow,
      streamId: (id) => `lead-${id}`,
      authorize: (request, state) => authorizeLead(this.access, request, state),
      people: (state) => [state.context.owner, state.context.capturedBy],
    });
  }
}
