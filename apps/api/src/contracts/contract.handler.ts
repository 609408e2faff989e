import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { contractWorkflow } from '@ltc/workflow-contract';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeContract } from './contract.access';
import { ContractWorkflowCommand } from './contract.commands';

/** Thin: every contract command through the engine with the contract rules. */
@CommandHandler(ContractWorkflowCommand)
export class ContractCommandHandler implements ICommandHandler<ContractWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  execute(message: ContractWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(contractWorkflow, this.policies.contract, message, (request, state) =>
      authorizeContract(this.access, request, state),
    );
  }
}
