import type { Event, Money } from '@ltc/domain';
import type { GateEvent, IronTriangle, IronTriangleRoleReassigned } from '@ltc/workflow-gates';
import type { ChangeKind, DisputeOutcome, RiskSeverity } from './contract.values';

export type ContractOpened = Event<
  'ContractOpened',
  { opportunityId: string; customerId: string; amount: Money; triangle: IronTriangle }
>;
/** The customer's PO; its amount is the contract amount from now on. */
export type ContractConfirmed = Event<'ContractConfirmed', { poNumber: string; confirmedAmount: Money }>;
export type DeliveryMilestoneCompleted = Event<
  'DeliveryMilestoneCompleted',
  { milestoneId: string; name: string; note: string }
>;
export type DeliveryCompleted = Event<'DeliveryCompleted', { acceptanceReference: string; note: string }>;
export type InvoiceIssued = Event<'InvoiceIssued', { invoiceId: string; amount: Money; dueDate: string }>;
export type PaymentRecorded = Event<
  'PaymentRecorded',
  { invoiceId: string; amount: Money; receivedOn: string; reference: string }
>;
/** `amount` is what was still owed, copied in so the event alone says how much was given up. */
export type InvoiceWrittenOff = Event<
  'InvoiceWrittenOff',
  { invoiceId: string; amount: Money; reason: string }
>;
export type ContractChanged = Event<
  'ContractChanged',
  { kind: ChangeKind; amountDelta: Money; scope: string; reason: string; separateContractId: string | null }
>;
export type RiskRaised = Event<
  'RiskRaised',
  { riskId: string; title: string; severity: RiskSeverity; note: string }
>;
export type RiskResolved = Event<'RiskResolved', { riskId: string; resolution: string }>;
export type DisputeOpened = Event<
  'DisputeOpened',
  { disputeId: string; subject: string; invoiceId: string | null }
>;
/** `amountImpact` changes the contract amount (negative for a credit to the customer). */
export type DisputeResolved = Event<
  'DisputeResolved',
  { disputeId: string; outcome: DisputeOutcome; amountImpact: Money; note: string }
>;
export type ContractTerminated = Event<'ContractTerminated', { reason: string; stage: string }>;
export type ContractClosed = Event<'ContractClosed', { note: string }>;
export type ContractEvaluated = Event<
  'ContractEvaluated',
  { customerSatisfaction: number; successCriteriaMet: boolean; note: string }
>;

export type ContractEvent =
  | ContractOpened
  | IronTriangleRoleReassigned
  | ContractConfirmed
  | GateEvent
  | DeliveryMilestoneCompleted
  | DeliveryCompleted
  | InvoiceIssued
  | PaymentRecorded
  | InvoiceWrittenOff
  | ContractChanged
  | RiskRaised
  | RiskResolved
  | DisputeOpened
  | DisputeResolved
  | ContractTerminated
  | ContractClosed
  | ContractEvaluated;
