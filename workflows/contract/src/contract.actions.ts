import { assign } from 'xstate';
import { money } from '@ltc/domain';
import { gateActions } from '@ltc/workflow-gates';
import type { ContractContext } from './contract.context';
import type { ContractEvent } from './contract.events';

type Args = Readonly<{ context: ContractContext; event: ContractEvent }>;
type Patch = Partial<ContractContext>;
type Type = ContractEvent['type'];
type DataOf<T extends Type> = Extract<ContractEvent, { type: T }>['data'];

const update = (patch: (args: Args) => Patch) =>
  assign<ContractContext, ContractEvent, undefined, ContractEvent, never>(patch);

// Each action reads only its own event type; any other event leaves the context as it is.
const on =
  <T extends Type>(type: T, patch: (data: DataOf<T>, context: ContractContext) => Patch) =>
  ({ context, event }: Args): Patch =>
    event.type === type ? patch(event.data as DataOf<T>, context) : {};

const plus = (context: ContractContext, delta: number) =>
  money(context.amount.amountMinor + delta, context.amount.currency);

export const contractActions = {
  ...gateActions<ContractContext, ContractEvent>(),
  open: update(
    on('ContractOpened', (d) => ({
      opportunityId: d.opportunityId,
      customerId: d.customerId,
      signedAmount: d.amount,
      amount: d.amount,
      triangle: d.triangle,
    })),
  ),
  confirm: update(on('ContractConfirmed', (d) => ({ poNumber: d.poNumber, amount: d.confirmedAmount }))),
  completeMilestone: update(
    on('DeliveryMilestoneCompleted', (d, c) => ({
      milestones: [...c.milestones, { milestoneId: d.milestoneId, name: d.name }],
    })),
  ),
  completeDelivery: update(on('DeliveryCompleted', () => ({ deliveryComplete: true }))),
  issueInvoice: update(
    on('InvoiceIssued', (d, c) => {
      const none = money(0, d.amount.currency);
      return {
        invoices: {
          ...c.invoices,
          [d.invoiceId]: { amount: d.amount, paid: none, writtenOff: none, dueDate: d.dueDate },
        },
      };
    }),
  ),
  recordPayment: update(
    on('PaymentRecorded', (d, c) => {
      const invoice = c.invoices[d.invoiceId];
      if (invoice === undefined) return {};
      const paid = money(invoice.paid.amountMinor + d.amount.amountMinor, d.amount.currency);
      return { invoices: { ...c.invoices, [d.invoiceId]: { ...invoice, paid } } };
    }),
  ),
  writeOffInvoice: update(
    on('InvoiceWrittenOff', (d, c) => {
      const invoice = c.invoices[d.invoiceId];
      if (invoice === undefined) return {};
      const writtenOff = money(invoice.writtenOff.amountMinor + d.amount.amountMinor, d.amount.currency);
      return { invoices: { ...c.invoices, [d.invoiceId]: { ...invoice, writtenOff } } };
    }),
  ),
  changeContract: update(
    on('ContractChanged', (d, c) => ({
      changes: [...c.changes, { kind: d.kind, amountDelta: d.amountDelta, scope: d.scope }],
      // A separate contract carries its own amount; this one stays as it is.
      amount: d.kind === 'separate-contract' ? c.amount : plus(c, d.amountDelta.amountMinor),
    })),
  ),
  raiseRisk: update(
    on('RiskRaised', (d, c) => ({
      risks: { ...c.risks, [d.riskId]: { title: d.title, severity: d.severity, open: true } },
    })),
  ),
  resolveRisk: update(
    on('RiskResolved', (d, c) => {
      const risk = c.risks[d.riskId];
      return risk === undefined ? {} : { risks: { ...c.risks, [d.riskId]: { ...risk, open: false } } };
    }),
  ),
  openDispute: update(
    on('DisputeOpened', (d, c) => ({
      disputes: { ...c.disputes, [d.disputeId]: { subject: d.subject, open: true, outcome: null } },
    })),
  ),
  resolveDispute: update(
    on('DisputeResolved', (d, c) => {
      const dispute = c.disputes[d.disputeId];
      if (dispute === undefined) return {};
      return {
        disputes: { ...c.disputes, [d.disputeId]: { ...dispute, open: false, outcome: d.outcome } },
        amount: plus(c, d.amountImpact.amountMinor),
      };
    }),
  ),
  terminate: update(on('ContractTerminated', (d) => ({ termination: { reason: d.reason, stage: d.stage } }))),
  evaluate: update(
    on('ContractEvaluated', (d) => ({
      evaluation: {
        customerSatisfaction: d.customerSatisfaction,
        successCriteriaMet: d.successCriteriaMet,
        note: d.note,
      },
    })),
  ),
};
