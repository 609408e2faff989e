import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeOpportunity } from './opportunity.access';
import { OpportunityWorkflowCommand } from './opportunity.commands';

/** Thin: every opportunity command through the engine with the opportunity rules. */
@CommandHandler(OpportunityWorkflowCommand)
export class OpportunityCommandHandler implements ICommandHandler<OpportunityWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  execute(message: OpportunityWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(opportunityWorkflow, this.policies.opportunity, message, (request, state) =>
      authorizeOpportunity(this.access, request, state),
    );
  }
}
