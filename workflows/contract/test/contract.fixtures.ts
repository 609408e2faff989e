import { money, type IronTriangleRole, type Money } from '@ltc/domain';
import { defaultGatePolicy } from '@ltc/workflow-gates';
import { defaultContractPolicy, type ChangeKind, type ContractEvent } from '../src';

export const at = '2026-05-01T09:00:00.000Z';
export const ctx = { at, actor: 'fay', policy: defaultContractPolicy };
export const eur = (amountMinor: number): Money => money(amountMinor, 'EUR');
export const usd = (amountMinor: number): Money => money(amountMinor, 'USD');
export const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };
const roles: readonly IronTriangleRole[] = ['AR', 'SR', 'FR'];

type E = ContractEvent;

export const opened: E = {
  type: 'ContractOpened',
  data: { opportunityId: 'o-1', customerId: 'c-1', amount: eur(900_000), triangle },
};
export const confirmed = (confirmedAmount = eur(900_000)): E => ({
  type: 'ContractConfirmed',
  data: { poNumber: 'PO-7', confirmedAmount },
});
export const handoverRequested = (round = 1): E => ({
  type: 'GateReviewRequested',
  data: { gate: 'deliveryHandover', round, policy: defaultGatePolicy },
});
export const handoverVote = (
  role: IronTriangleRole,
  decision: 'approve' | 'reject' = 'approve',
  round = 1,
): E => ({
  type: 'GateVoteCast',
  data: {
    gate: 'deliveryHandover',
    round,
    role,
    voter: triangle[role],
    decision,
    reason: decision === 'reject' ? 'no site access yet' : '',
  },
});
export const handoverPassed = (round = 1): E => ({
  type: 'GatePassed',
  data: {
    gate: 'deliveryHandover',
    round,
    approvals: roles.map((role) => ({ role, voter: triangle[role] })),
  },
});
export const handoverRejected = (round = 1): E => ({
  type: 'GateRejected',
  data: {
    gate: 'deliveryHandover',
    round,
    reasons: [{ role: 'FR', voter: 'fay', reason: 'no site access yet' }],
  },
});
export const handover = (round = 1): E[] => [
  handoverRequested(round),
  ...roles.map((role) => handoverVote(role, 'approve', round)),
  handoverPassed(round),
];
export const milestone = (milestoneId = 'm-1'): E => ({
  type: 'DeliveryMilestoneCompleted',
  data: { milestoneId, name: 'Site acceptance', note: '' },
});
export const deliveryCompleted: E = {
  type: 'DeliveryCompleted',
  data: { acceptanceReference: 'ACC-1', note: '' },
};
export const invoiced = (invoiceId = 'i-1', amount = eur(300_000)): E => ({
  type: 'InvoiceIssued',
  data: { invoiceId, amount, dueDate: '2026-06-30' },
});
export const paid = (invoiceId = 'i-1', amount = eur(300_000)): E => ({
  type: 'PaymentRecorded',
  data: { invoiceId, amount, receivedOn: '2026-06-15', reference: '' },
});
export const writtenOff = (invoiceId = 'i-1', amount = eur(300_000)): E => ({
  type: 'InvoiceWrittenOff',
  data: { invoiceId, amount, reason: 'customer insolvent' },
});
export const changed = (kind: ChangeKind = 'prospective', amountDelta = eur(100_000)): E => ({
  type: 'ContractChanged',
  data: {
    kind,
    amountDelta,
    scope: 'two more lines',
    reason: 'customer request',
    separateContractId: kind === 'separate-contract' ? 'k-2' : null,
  },
});
export const riskRaised: E = {
  type: 'RiskRaised',
  data: { riskId: 'r-1', title: 'Key engineer leaving', severity: 'high', note: '' },
};
export const riskResolved: E = {
  type: 'RiskResolved',
  data: { riskId: 'r-1', resolution: 'backup trained' },
};
export const disputeOpened: E = {
  type: 'DisputeOpened',
  data: { disputeId: 'd-1', subject: 'late delivery penalty', invoiceId: null },
};
export const disputeResolved = (amountImpact = eur(0)): E => ({
  type: 'DisputeResolved',
  data: { disputeId: 'd-1', outcome: 'settled', amountImpact, note: '' },
});
export const terminated = (stage: string): E => ({
  type: 'ContractTerminated',
  data: { reason: 'customer exit', stage },
});
export const closed: E = { type: 'ContractClosed', data: { note: '' } };
export const evaluated: E = {
  type: 'ContractEvaluated',
  data: { customerSatisfaction: 4, successCriteriaMet: true, note: '' },
};

const executing = [opened, confirmed()];
const inDelivery = [...executing, ...handover()];
const delivered = [...inDelivery, milestone(), deliveryCompleted];
const settled = [...delivered, invoiced('i-1', eur(900_000)), paid('i-1', eur(900_000))];

/** The events that bring a new contract to each state. */
export const path = {
  none: [] as E[],
  awaitingConfirmation: [opened],
  handoverPending: executing,
  deliveryHandover: [...executing, handoverRequested()],
  inDelivery,
  delivered,
  deliveredAndSettled: settled,
  terminated: [...executing, invoiced(), terminated('executing.handoverPending')],
  closed: [...settled, closed],
  evaluated: [...settled, closed, evaluated],
} satisfies Record<string, E[]>;
