import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { customerWorkflow } from '@ltc/workflow-customer';
import { AccessService } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeCustomer } from './customer.access';
import { CustomerWorkflowCommand } from './customer.commands';

/** Thin: every customer command through the engine with the customer rules. */
@CommandHandler(CustomerWorkflowCommand)
export class CustomerCommandHandler implements ICommandHandler<CustomerWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  execute(message: CustomerWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(customerWorkflow, this.policies.customer, message, (request, state) =>
      authorizeCustomer(this.access, request, state),
    );
  }
}
