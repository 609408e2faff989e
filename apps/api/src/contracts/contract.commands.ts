import type { ContractCommand } from '@ltc/workflow-contract';
import { WorkflowCommand } from '../engine/workflow-command';

type Of<T extends ContractCommand['type']> = Extract<ContractCommand, { type: T }>;

/** Every contract command goes to the one {@link ContractCommandHandler}. */
export abstract class ContractWorkflowCommand<
  C extends ContractCommand = ContractCommand,
> extends WorkflowCommand<C> {}

export class OpenContractCommand extends ContractWorkflowCommand<Of<'OpenContract'>> {}
export class ReassignContractTriangleRoleCommand extends ContractWorkflowCommand<
  Of<'ReassignIronTriangleRole'>
> {}
export class ConfirmContractCommand extends ContractWorkflowCommand<Of<'ConfirmContract'>> {}
export class RequestContractGateReviewCommand extends ContractWorkflowCommand<Of<'RequestGateReview'>> {}
export class CastContractGateVoteCommand extends ContractWorkflowCommand<Of<'CastGateVote'>> {}
export class CompleteDeliveryMilestoneCommand extends ContractWorkflowCommand<
  Of<'CompleteDeliveryMilestone'>
> {}
export class DeclareDeliveryCompleteCommand extends ContractWorkflowCommand<Of<'DeclareDeliveryComplete'>> {}
export class IssueInvoiceCommand extends ContractWorkflowCommand<Of<'IssueInvoice'>> {}
export class RecordPaymentCommand extends ContractWorkflowCommand<Of<'RecordPayment'>> {}
export class WriteOffInvoiceCommand extends ContractWorkflowCommand<Of<'WriteOffInvoice'>> {}
export class ChangeContractCommand extends ContractWorkflowCommand<Of<'ChangeContract'>> {}
export class RaiseRiskCommand extends ContractWorkflowCommand<Of<'RaiseRisk'>> {}
export class ResolveRiskCommand extends ContractWorkflowCommand<Of<'ResolveRisk'>> {}
export class OpenDisputeCommand extends ContractWorkflowCommand<Of<'OpenDispute'>> {}
export class ResolveDisputeCommand extends ContractWorkflowCommand<Of<'ResolveDispute'>> {}
export class TerminateContractCommand extends ContractWorkflowCommand<Of<'TerminateContract'>> {}
export class CloseContractCommand extends ContractWorkflowCommand<Of<'CloseContract'>> {}
export class EvaluateContractCommand extends ContractWorkflowCommand<Of<'EvaluateContract'>> {}
