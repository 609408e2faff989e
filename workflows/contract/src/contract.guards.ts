import type { Money } from '@ltc/domain';
import { gateGuards, gateRefusalTexts } from '@ltc/workflow-gates';
import type { ContractContext } from './contract.context';
import type { ContractEvent } from './contract.events';
import { billed, invoicedGross, outstanding } from './contract.values';

type Args = Readonly<{ context: ContractContext; event: ContractEvent }>;

/** The money an event carries, if any: every amount on a contract is in the contract's currency. */
export function moneyOf(event: ContractEvent): Money | undefined {
  switch (event.type) {
    case 'ContractConfirmed':
      return event.data.confirmedAmount;
    case 'InvoiceIssued':
    case 'PaymentRecorded':
    case 'InvoiceWrittenOff':
      return event.data.amount;
    case 'ContractChanged':
      return event.data.amountDelta;
    case 'DisputeResolved':
      return event.data.amountImpact;
    case 'ContractOpened':
    case 'IronTriangleRoleReassigned':
    case 'GateReviewRequested':
    case 'GateVoteCast':
    case 'GatePassed':
    case 'GateRejected':
    case 'DeliveryMilestoneCompleted':
    case 'DeliveryCompleted':
    case 'RiskRaised':
    case 'RiskResolved':
    case 'DisputeOpened':
    case 'ContractTerminated':
    case 'ContractClosed':
    case 'ContractEvaluated':
      return undefined;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The change an event makes to the contract amount. */
function amountDelta(event: ContractEvent): number {
  if (event.type === 'ContractChanged') {
    return event.data.kind === 'separate-contract' ? 0 : event.data.amountDelta.amountMinor;
  }
  return event.type === 'DisputeResolved' ? event.data.amountImpact.amountMinor : 0;
}

const invoiceOf = ({ context, event }: Args) =>
  event.type === 'PaymentRecorded' || event.type === 'InvoiceWrittenOff'
    ? context.invoices[event.data.invoiceId]
    : undefined;

export const contractGuards = {
  ...gateGuards,
  currencyMatches: ({ context, event }: Args) => {
    const amount = moneyOf(event);
    return amount === undefined || amount.currency === context.amount.currency;
  },
  milestoneIdUnused: ({ context, event }: Args) =>
    event.type === 'DeliveryMilestoneCompleted' &&
    !context.milestones.some((m) => m.milestoneId === event.data.milestoneId),
  milestonesCompleted: ({ context }: Args) => context.milestones.length > 0,
  invoiceIdUnused: ({ context, event }: Args) =>
    event.type === 'InvoiceIssued' && context.invoices[event.data.invoiceId] === undefined,
  invoiceWithinContractAmount: ({ context, event }: Args) =>
    event.type === 'InvoiceIssued' &&
    billed(context.invoices) + event.data.amount.amountMinor <= context.amount.amountMinor,
  invoiceExists: (args: Args) => invoiceOf(args) !== undefined,
  paymentWithinOutstanding: (args: Args) => {
    const invoice = invoiceOf(args);
    return (
      invoice !== undefined &&
      args.event.type === 'PaymentRecorded' &&
      args.event.data.amount.amountMinor <= outstanding(invoice)
    );
  },
  invoiceHasOutstanding: (args: Args) => {
    const invoice = invoiceOf(args);
    return invoice !== undefined && outstanding(invoice) > 0;
  },
  amountStaysAboveBilled: ({ context, event }: Args) => {
    const after = context.amount.amountMinor + amountDelta(event);
    return after > 0 && after >= billed(context.invoices);
  },
  riskIdUnused: ({ context, event }: Args) =>
    event.type === 'RiskRaised' && context.risks[event.data.riskId] === undefined,
  riskIsOpen: ({ context, event }: Args) =>
    event.type === 'RiskResolved' && context.risks[event.data.riskId]?.open === true,
  disputeIdUnused: ({ context, event }: Args) =>
    event.type === 'DisputeOpened' && context.disputes[event.data.disputeId] === undefined,
  disputeInvoiceExists: ({ context, event }: Args) =>
    event.type === 'DisputeOpened' &&
    (event.data.invoiceId === null || context.invoices[event.data.invoiceId] !== undefined),
  disputeIsOpen: ({ context, event }: Args) =>
    event.type === 'DisputeResolved' && context.disputes[event.data.disputeId]?.open === true,
  deliveryComplete: ({ context }: Args) => context.deliveryComplete,
  fullyInvoiced: ({ context }: Args) => invoicedGross(context.invoices) >= context.amount.amountMinor,
  noOpenDispute: ({ context }: Args) => !Object.values(context.disputes).some((d) => d.open),
  everyInvoiceSettled: ({ context }: Args) =>
    Object.values(context.invoices).every((i) => outstanding(i) === 0),
};

export const contractRefusalTexts: Readonly<Record<keyof typeof contractGuards, string>> = {
  ...gateRefusalTexts,
  currencyMatches: 'every amount on a contract must be in the contract currency',
  milestoneIdUnused: 'that milestone is already completed',
  milestonesCompleted: 'complete at least one delivery milestone before declaring delivery complete',
  invoiceIdUnused: 'an invoice with that id already exists',
  invoiceWithinContractAmount: 'the total invoiced may not exceed the contract amount',
  invoiceExists: 'no invoice with that id on this contract',
  paymentWithinOutstanding: 'a payment may not exceed what the invoice still owes',
  invoiceHasOutstanding: 'the invoice owes nothing',
  amountStaysAboveBilled: 'the contract amount may not fall to zero or below what is already invoiced',
  riskIdUnused: 'a risk with that id already exists',
  riskIsOpen: 'no open risk with that id',
  disputeIdUnused: 'a dispute with that id already exists',
  disputeInvoiceExists: 'the disputed invoice does not exist on this contract',
  disputeIsOpen: 'no open dispute with that id',
  deliveryComplete: 'delivery is not complete',
  fullyInvoiced: 'part of the contract amount was never invoiced: invoice it, or change the contract amount',
  noOpenDispute: 'a dispute is still open',
  everyInvoiceSettled: 'an invoice is neither fully paid nor written off',
};
