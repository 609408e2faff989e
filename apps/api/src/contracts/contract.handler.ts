import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { opportunityStream } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import { contractWorkflow, type OpenContract } from '@ltc/workflow-contract';
import { CommandRefusedError } from '@ltc/workflow-kit';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeContract } from './contract.access';
import { ContractWorkflowCommand } from './contract.commands';
import { openContractRefusal } from './won-opportunity.rule';

/** Thin: every contract command through the engine with the contract rules. */
@CommandHandler(ContractWorkflowCommand)
export class ContractCommandHandler implements ICommandHandler<ContractWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  async execute(message: ContractWorkflowCommand): Promise<CommandResult> {
    const { streamId, command, meta } = message;
    const won = () => (command.type === 'OpenContract' ? this.requireWon(streamId, command) : undefined);
    // An imported line skips authorisation (engine), not this rule; otherwise a 403 comes before it.
    if (meta.imported === true) await won();
    return this.engine.execute(contractWorkflow, this.policies.contract, message, async (request, state) => {
      await authorizeContract(this.access, request, state);
      await won();
    });
  }

  // Read from the opportunity's own stream, not an index: a won deal is final, so this cannot go stale.
  private async requireWon(streamId: string, command: OpenContract): Promise<void> {
    const id = opportunityStream.id(command.data.opportunityId);
    const { state, revision } = await this.engine.pipeline.load(opportunityWorkflow, id);
    const view =
      revision === 'noStream'
        ? null
        : {
            streamId: id,
            state: opportunityWorkflow.stateName(state),
            customerId: state.context.customerId,
            outcome: state.context.outcome,
          };
    const refusal = openContractRefusal(streamId, command, view);
    if (refusal !== null) throw new CommandRefusedError(refusal);
  }
}
