import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { leadWorkflow } from '@ltc/workflow-lead';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeLead } from './lead.access';
import { LeadWorkflowCommand } from './lead.commands';

/** Thin: every lead command through the engine with the lead rules. */
@CommandHandler(LeadWorkflowCommand)
export class LeadCommandHandler implements ICommandHandler<LeadWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  execute(message: LeadWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(leadWorkflow, this.policies.lead, message, (request, state) =>
      authorizeLead(this.access, request, state),
    );
  }
}
