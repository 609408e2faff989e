import type { CustomerCommand } from '@ltc/workflow-customer';
import { WorkflowCommand } from '../engine/workflow-command';

type Of<T extends CustomerCommand['type']> = Extract<CustomerCommand, { type: T }>;

/** Every customer command goes to the one {@link CustomerCommandHandler}. */
export abstract class CustomerWorkflowCommand<
  C extends CustomerCommand = CustomerCommand,
> extends WorkflowCommand<C> {}

export class RegisterCustomerCommand extends CustomerWorkflowCommand<Of<'RegisterCustomer'>> {}
export class ClaimCustomerCommand extends CustomerWorkflowCommand<Of<'ClaimCustomer'>> {}
export class TransferCustomerCommand extends CustomerWorkflowCommand<Of<'TransferCustomer'>> {}
export class RecordCustomerTouchCommand extends CustomerWorkflowCommand<Of<'RecordCustomerTouch'>> {}
export class ReleaseCustomerCommand extends CustomerWorkflowCommand<Of<'ReleaseCustomer'>> {}
export class ReturnCustomerToPublicPoolCommand extends CustomerWorkflowCommand<
  Of<'ReturnCustomerToPublicPool'>
> {}
export class ChangeCustomerSegmentCommand extends CustomerWorkflowCommand<Of<'ChangeCustomerSegment'>> {}
