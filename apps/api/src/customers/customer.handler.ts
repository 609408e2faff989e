import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { customerWorkflow } from '@ltc/workflow-customer';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import { KeyedLock } from '../engine/keyed-lock';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { DealIndex } from '../queries/deal-index';
import { authorizeCustomer } from './customer.access';
import { CustomerWorkflowCommand } from './customer.commands';

/**
 * Every customer command through the engine with the customer rules. A claim or transfer counts its
 * new owner's private pool under that owner's lock, after the index has folded the owner's previous
 * claim: parallel claims by one rep cannot both see room for one more (capacity is exact).
 */
@CommandHandler(CustomerWorkflowCommand)
export class CustomerCommandHandler implements ICommandHandler<CustomerWorkflowCommand, CommandResult> {
  private readonly pools = new KeyedLock();

  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    private readonly deals: DealIndex,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  execute(message: CustomerWorkflowCommand): Promise<CommandResult> {
    const { command, meta } = message;
    if (command.type !== 'ClaimCustomer' && command.type !== 'TransferCustomer') return this.run(message);
    const owner = command.data.owner ?? meta.actor.id;
    return this.pools.run(owner, async () => {
      // The count is the server's, not the sender's; the sender's data stays what its key is checked by.
      const counted = new CustomerWorkflowCommand(
        message.streamId,
        {
          ...command,
          data: { ...command.data, ownedCount: this.deals.ownedCustomers(owner) },
        } as typeof command,
        { ...meta, fingerprint: meta.fingerprint ?? command.data },
      );
      const result = await this.run(counted);
      if (!result.duplicate && result.position !== null) await this.deals.caughtUpTo(result.position);
      return result;
    });
  }

  private run(message: CustomerWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(customerWorkflow, this.policies.customer, message, (request, state) =>
      authorizeCustomer(this.access, request, state),
    );
  }
}
