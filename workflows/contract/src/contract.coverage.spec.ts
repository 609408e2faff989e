import { transitionCoverage, type CoverageTable } from '@ltc/workflow-kit';
import {
  changed,
  closed,
  confirmed,
  deliveryCompleted,
  disputeOpened,
  disputeResolved,
  eur,
  evaluated,
  handoverRejected,
  handoverRequested,
  handoverVote,
  invoiced,
  milestone,
  opened,
  paid,
  path,
  riskRaised,
  riskResolved,
  terminated,
  writtenOff,
} from '../test/contract.fixtures';
import type { ContractEvent } from './contract.events';
import { contractWorkflow } from './contract.workflow';

type E = ContractEvent;

const samples: Record<string, E> = {
  ContractOpened: opened,
  IronTriangleRoleReassigned: {
    type: 'IronTriangleRoleReassigned',
    data: { role: 'FR', from: 'fay', to: 'fred', reason: 'delivery team' },
  },
  ContractConfirmed: confirmed(),
  GateReviewRequested: handoverRequested(),
  GateVoteCast: handoverVote('AR'),
  'GatePassed (without votes)': {
    type: 'GatePassed',
    data: { gate: 'deliveryHandover', round: 1, approvals: [] },
  },
  'GateRejected (without votes)': handoverRejected(),
  DeliveryMilestoneCompleted: milestone('m-9'),
  DeliveryCompleted: deliveryCompleted,
  InvoiceIssued: invoiced('i-9', eur(1)),
  PaymentRecorded: paid('i-1', eur(1)),
  InvoiceWrittenOff: writtenOff('i-1', eur(1)),
  ContractChanged: changed(),
  RiskRaised: { ...riskRaised, data: { ...riskRaised.data, riskId: 'r-9' } } as E,
  RiskResolved: riskResolved,
  DisputeOpened: { ...disputeOpened, data: { ...disputeOpened.data, disputeId: 'd-9' } } as E,
  DisputeResolved: disputeResolved(),
  ContractTerminated: terminated('any'),
  ContractClosed: closed,
  ContractEvaluated: evaluated,
};

const executing = [opened, confirmed()];
const reach: Record<string, readonly E[]> = {
  none: [],
  awaitingConfirmation: [opened],
  'awaitingConfirmation (risk open)': [opened, riskRaised],
  'executing.handoverPending': path.handoverPending,
  'executing.handoverPending (after rejection)': [
    ...path.deliveryHandover,
    handoverVote('FR', 'reject'),
    handoverRejected(),
  ],
  'executing.deliveryHandover': path.deliveryHandover,
  'executing.inDelivery': path.inDelivery,
  'executing.inDelivery (milestone, invoice, risk and dispute open)': [
    ...path.inDelivery,
    milestone(),
    invoiced(),
    riskRaised,
    disputeOpened,
  ],
  'executing.delivered': path.delivered,
  'executing.delivered (settled)': path.deliveredAndSettled,
  terminated: path.terminated,
  'terminated (risk and dispute open)': [
    ...executing,
    invoiced(),
    riskRaised,
    disputeOpened,
    terminated('executing'),
  ],
  'terminated (settled)': [...path.terminated, paid()],
  closed: path.closed,
  evaluated: path.evaluated,
};

const whileExecuting = [
  'IronTriangleRoleReassigned',
  'RiskRaised',
  'InvoiceIssued',
  'ContractChanged',
  'DisputeOpened',
  'ContractTerminated',
];
const openItems = ['PaymentRecorded', 'InvoiceWrittenOff', 'RiskResolved', 'DisputeResolved'];

const accepts: Record<string, readonly string[]> = {
  none: ['ContractOpened'],
  awaitingConfirmation: [
    'ContractConfirmed',
    'IronTriangleRoleReassigned',
    'RiskRaised',
    'ContractTerminated',
  ],
  'awaitingConfirmation (risk open)': [
    'ContractConfirmed',
    'IronTriangleRoleReassigned',
    'RiskRaised',
    'RiskResolved',
    'ContractTerminated',
  ],
  'executing.handoverPending': [...whileExecuting, 'GateReviewRequested'],
  'executing.handoverPending (after rejection)': [...whileExecuting, 'GateReviewRequested'],
  'executing.deliveryHandover': [...whileExecuting, 'GateVoteCast'],
  'executing.inDelivery': [...whileExecuting, 'DeliveryMilestoneCompleted'],
  'executing.inDelivery (milestone, invoice, risk and dispute open)': [
    ...whileExecuting,
    ...openItems,
    'DeliveryMilestoneCompleted',
    'DeliveryCompleted',
  ],
  'executing.delivered': whileExecuting,
  // Fully invoiced: another invoice would exceed the amount; nothing is owed.
  'executing.delivered (settled)': whileExecuting
    .filter((e) => e !== 'InvoiceIssued')
    .concat('ContractClosed'),
  terminated: ['PaymentRecorded', 'InvoiceWrittenOff', 'DisputeOpened'],
  'terminated (risk and dispute open)': ['DisputeOpened', ...openItems],
  'terminated (settled)': ['DisputeOpened', 'ContractClosed'],
  closed: ['ContractEvaluated'],
  evaluated: [],
};

const table: CoverageTable<typeof contractWorkflow.machine> = { reach, samples, accepts };

describe('contract: every state against every event', () => {
  const coverage = transitionCoverage(contractWorkflow, table);

  it('has a well-formed table', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition', () => expect(coverage.uncovered()).toEqual([]));
});
