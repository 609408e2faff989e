import { Module, type OnModuleInit } from '@nestjs/common';
import { leadWorkflow } from '@ltc/workflow-lead';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { authorizeLead } from './lead.access';
import { LeadCommandHandler } from './lead.handler';
import { leadRoutes } from './lead.routes';

@Module({ controllers: [CommandController(leadRoutes)], providers: [LeadCommandHandler] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'lead',
      plural: leadRoutes.path,
      workflow: leadWorkflow,
      streamId: leadRoutes.stream.id,
      authorize: (request, state) => authorizeLead(this.access, request, state),
      people: (state) => [state.context.owner, state.context.capturedBy],
    });
  }
}
