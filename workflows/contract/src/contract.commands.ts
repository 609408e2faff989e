import type { Command, Money } from '@ltc/domain';
import type {
  CastGateVote,
  IronTriangle,
  ReassignIronTriangleRole,
  RequestGateReview,
} from '@ltc/workflow-gates';
import type { ChangeKind, DisputeOutcome, RiskSeverity } from './contract.values';

export type OpenContract = Command<
  'OpenContract',
  { opportunityId: string; customerId: string; amount: Money; triangle: IronTriangle }
>;
export type ConfirmContract = Command<'ConfirmContract', { poNumber: string; confirmedAmount: Money }>;
export type CompleteDeliveryMilestone = Command<
  'CompleteDeliveryMilestone',
  { milestoneId: string; name: string; note?: string }
>;
export type DeclareDeliveryComplete = Command<
  'DeclareDeliveryComplete',
  { acceptanceReference?: string; note?: string }
>;
export type IssueInvoice = Command<'IssueInvoice', { invoiceId: string; amount: Money; dueDate: string }>;
export type RecordPayment = Command<
  'RecordPayment',
  { invoiceId: string; amount: Money; receivedOn: string; reference?: string }
>;
export type WriteOffInvoice = Command<'WriteOffInvoice', { invoiceId: string; reason: string }>;
export type ChangeContract = Command<
  'ChangeContract',
  { kind: ChangeKind; amountDelta: Money; scope: string; reason: string; separateContractId?: string }
>;
export type RaiseRisk = Command<
  'RaiseRisk',
  { riskId: string; title: string; severity: RiskSeverity; note?: string }
>;
export type ResolveRisk = Command<'ResolveRisk', { riskId: string; resolution: string }>;
export type OpenDispute = Command<'OpenDispute', { disputeId: string; subject: string; invoiceId?: string }>;
export type ResolveDispute = Command<
  'ResolveDispute',
  { disputeId: string; outcome: DisputeOutcome; amountImpact: Money; note?: string }
>;
export type TerminateContract = Command<'TerminateContract', { reason: string }>;
export type CloseContract = Command<'CloseContract', { note?: string }>;
export type EvaluateContract = Command<
  'EvaluateContract',
  { customerSatisfaction: number; successCriteriaMet: boolean; note?: string }
>;

export type ContractCommand =
  | OpenContract
  | ReassignIronTriangleRole
  | ConfirmContract
  | RequestGateReview
  | CastGateVote
  | CompleteDeliveryMilestone
  | DeclareDeliveryComplete
  | IssueInvoice
  | RecordPayment
  | WriteOffInvoice
  | ChangeContract
  | RaiseRisk
  | ResolveRisk
  | OpenDispute
  | ResolveDispute
  | TerminateContract
  | CloseContract
  | EvaluateContract;
