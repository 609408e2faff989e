import { money } from '@ltc/domain';
import {
  InvalidCommandError,
  optionalText,
  requireBoolean,
  requireCalendarDate,
  requireInteger,
  requireMoney,
  requireOneOf,
  requireText,
  stateValueToString,
  LIMITS,
  requireId,
} from '@ltc/workflow-kit';
import { requireTriangle } from '@ltc/workflow-gates';
import type { StateValue } from 'xstate';
import type {
  ChangeContract,
  CloseContract,
  CompleteDeliveryMilestone,
  ConfirmContract,
  DeclareDeliveryComplete,
  EvaluateContract,
  IssueInvoice,
  OpenContract,
  OpenDispute,
  RaiseRisk,
  RecordPayment,
  ResolveDispute,
  ResolveRisk,
  TerminateContract,
  WriteOffInvoice,
} from './contract.commands';
import type { ContractContext } from './contract.context';
import type {
  ContractChanged,
  ContractClosed,
  ContractConfirmed,
  ContractEvaluated,
  ContractOpened,
  ContractTerminated,
  DeliveryCompleted,
  DeliveryMilestoneCompleted,
  DisputeOpened,
  DisputeResolved,
  InvoiceIssued,
  InvoiceWrittenOff,
  PaymentRecorded,
  RiskRaised,
  RiskResolved,
} from './contract.events';
import { CHANGE_KINDS, DISPUTE_OUTCOMES, RISK_SEVERITIES, outstanding } from './contract.values';

type State = Readonly<{ value: StateValue; context: ContractContext }>;

export function buildOpen(c: OpenContract): ContractOpened {
  const t = c.type;
  return {
    type: 'ContractOpened',
    data: {
      opportunityId: requireId(t, 'opportunityId', c.data.opportunityId),
      customerId: requireId(t, 'customerId', c.data.customerId),
      amount: requireMoney(t, 'amount', c.data.amount),
      triangle: requireTriangle(t, 'triangle', c.data.triangle),
    },
  };
}

export function buildConfirmation(c: ConfirmContract): ContractConfirmed {
  return {
    type: 'ContractConfirmed',
    data: {
      poNumber: requireText(c.type, 'poNumber', c.data.poNumber, LIMITS.label),
      confirmedAmount: requireMoney(c.type, 'confirmedAmount', c.data.confirmedAmount),
    },
  };
}

export function buildMilestone(c: CompleteDeliveryMilestone): DeliveryMilestoneCompleted {
  return {
    type: 'DeliveryMilestoneCompleted',
    data: {
      milestoneId: requireId(c.type, 'milestoneId', c.data.milestoneId),
      name: requireText(c.type, 'name', c.data.name, LIMITS.line),
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}

export function buildDeliveryComplete(c: DeclareDeliveryComplete): DeliveryCompleted {
  return {
    type: 'DeliveryCompleted',
    data: {
      acceptanceReference: optionalText(
        c.type,
        'acceptanceReference',
        c.data.acceptanceReference,
        LIMITS.label,
      ),
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}

export function buildInvoice(c: IssueInvoice): InvoiceIssued {
  return {
    type: 'InvoiceIssued',
    data: {
      invoiceId: requireId(c.type, 'invoiceId', c.data.invoiceId),
      amount: requireMoney(c.type, 'amount', c.data.amount),
      dueDate: requireCalendarDate(c.type, 'dueDate', c.data.dueDate),
    },
  };
}

export function buildPayment(c: RecordPayment): PaymentRecorded {
  return {
    type: 'PaymentRecorded',
    data: {
      invoiceId: requireId(c.type, 'invoiceId', c.data.invoiceId),
      amount: requireMoney(c.type, 'amount', c.data.amount),
      receivedOn: requireCalendarDate(c.type, 'receivedOn', c.data.receivedOn),
      reference: optionalText(c.type, 'reference', c.data.reference, LIMITS.label),
    },
  };
}

/** Writes off whatever the invoice still owes; an unknown invoice is left for the machine to refuse. */
export function buildWriteOff(c: WriteOffInvoice, state: State): InvoiceWrittenOff {
  const invoiceId = requireId(c.type, 'invoiceId', c.data.invoiceId);
  const invoice = state.context.invoices[invoiceId];
  const amount = money(invoice === undefined ? 0 : outstanding(invoice), state.context.amount.currency);
  return {
    type: 'InvoiceWrittenOff',
    data: { invoiceId, amount, reason: requireText(c.type, 'reason', c.data.reason, LIMITS.prose) },
  };
}

export function buildChange(c: ChangeContract): ContractChanged {
  const t = c.type;
  const kind = requireOneOf(t, 'kind', c.data.kind, CHANGE_KINDS);
  const separateContractId =
    c.data.separateContractId === undefined
      ? null
      : requireId(t, 'separateContractId', c.data.separateContractId);
  if (kind === 'separate-contract' && separateContractId === null) {
    throw new InvalidCommandError(t, 'separateContractId', 'is required for a separate-contract change');
  }
  if (kind !== 'separate-contract' && separateContractId !== null) {
    throw new InvalidCommandError(t, 'separateContractId', 'is only for a separate-contract change');
  }
  return {
    type: 'ContractChanged',
    data: {
      kind,
      amountDelta: requireMoney(t, 'amountDelta', c.data.amountDelta, 'any'),
      scope: requireText(t, 'scope', c.data.scope, LIMITS.prose),
      reason: requireText(t, 'reason', c.data.reason, LIMITS.prose),
      separateContractId,
    },
  };
}

export function buildRisk(c: RaiseRisk): RiskRaised {
  return {
    type: 'RiskRaised',
    data: {
      riskId: requireId(c.type, 'riskId', c.data.riskId),
      title: requireText(c.type, 'title', c.data.title, LIMITS.line),
      severity: requireOneOf(c.type, 'severity', c.data.severity, RISK_SEVERITIES),
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}

export function buildRiskResolution(c: ResolveRisk): RiskResolved {
  return {
    type: 'RiskResolved',
    data: {
      riskId: requireId(c.type, 'riskId', c.data.riskId),
      resolution: requireText(c.type, 'resolution', c.data.resolution, LIMITS.prose),
    },
  };
}

export function buildDispute(c: OpenDispute): DisputeOpened {
  return {
    type: 'DisputeOpened',
    data: {
      disputeId: requireId(c.type, 'disputeId', c.data.disputeId),
      subject: requireText(c.type, 'subject', c.data.subject, LIMITS.line),
      invoiceId: c.data.invoiceId === undefined ? null : requireId(c.type, 'invoiceId', c.data.invoiceId),
    },
  };
}

export function buildDisputeResolution(c: ResolveDispute): DisputeResolved {
  return {
    type: 'DisputeResolved',
    data: {
      disputeId: requireId(c.type, 'disputeId', c.data.disputeId),
      outcome: requireOneOf(c.type, 'outcome', c.data.outcome, DISPUTE_OUTCOMES),
      amountImpact: requireMoney(c.type, 'amountImpact', c.data.amountImpact, 'any'),
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}

export function buildTermination(c: TerminateContract, state: State): ContractTerminated {
  return {
    type: 'ContractTerminated',
    data: {
      reason: requireText(c.type, 'reason', c.data.reason, LIMITS.prose),
      stage: stateValueToString(state.value),
    },
  };
}

export function buildClose(c: CloseContract): ContractClosed {
  return { type: 'ContractClosed', data: { note: optionalText(c.type, 'note', c.data.note, LIMITS.prose) } };
}

export function buildEvaluation(c: EvaluateContract): ContractEvaluated {
  return {
    type: 'ContractEvaluated',
    data: {
      customerSatisfaction: requireInteger(c.type, 'customerSatisfaction', c.data.customerSatisfaction, 1, 5),
      successCriteriaMet: requireBoolean(c.type, 'successCriteriaMet', c.data.successCriteriaMet),
      note: optionalText(c.type, 'note', c.data.note, LIMITS.prose),
    },
  };
}
