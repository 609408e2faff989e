import { and, setup } from 'xstate';
import { gateReviewState, requestGateReview } from '@ltc/workflow-gates';
import { contractActions } from './contract.actions';
import { initialContractContext, type ContractContext } from './contract.context';
import type { ContractEvent } from './contract.events';
import { contractGuards } from './contract.guards';

const reassignRole = {
  guard: and(['triangleAssigned', 'holderChanges']),
  actions: 'assignTriangle',
} as const;
const raiseRisk = { guard: 'riskIdUnused', actions: 'raiseRisk' } as const;
const resolveRisk = { guard: 'riskIsOpen', actions: 'resolveRisk' } as const;
const recordPayment = {
  guard: and(['currencyMatches', 'invoiceExists', 'paymentWithinOutstanding']),
  actions: 'recordPayment',
} as const;
const writeOff = {
  guard: and(['invoiceExists', 'invoiceHasOutstanding']),
  actions: 'writeOffInvoice',
} as const;
const openDispute = {
  guard: and(['disputeIdUnused', 'disputeInvoiceExists']),
  actions: 'openDispute',
} as const;
const resolveDispute = {
  guard: and(['currencyMatches', 'disputeIsOpen', 'amountStaysAboveBilled']),
  actions: 'resolveDispute',
} as const;

/**
 * awaiting confirmation -> executing (handover pending -> [delivery handover] -> in delivery ->
 * delivered) -> closed -> evaluated; terminated from before closing, then closed once settled.
 * Billing, changes, risks and disputes run alongside delivery while executing.
 */
export const contractMachine = setup({
  types: { context: {} as ContractContext, events: {} as ContractEvent },
  guards: contractGuards,
  actions: contractActions,
}).createMachine({
  id: 'contract',
  context: initialContractContext,
  initial: 'none',
  states: {
    none: { on: { ContractOpened: { target: 'awaitingConfirmation', actions: 'open' } } },
    awaitingConfirmation: {
      on: {
        ContractConfirmed: { guard: 'currencyMatches', target: 'executing', actions: 'confirm' },
        IronTriangleRoleReassigned: reassignRole,
        RiskRaised: raiseRisk,
        RiskResolved: resolveRisk,
        ContractTerminated: { target: 'terminated', actions: 'terminate' },
      },
    },
    executing: {
      initial: 'handoverPending',
      on: {
        IronTriangleRoleReassigned: reassignRole,
        RiskRaised: raiseRisk,
        RiskResolved: resolveRisk,
        InvoiceIssued: {
          guard: and(['currencyMatches', 'invoiceIdUnused', 'invoiceWithinContractAmount']),
          actions: 'issueInvoice',
        },
        PaymentRecorded: recordPayment,
        InvoiceWrittenOff: writeOff,
        ContractChanged: {
          guard: and(['currencyMatches', 'amountStaysAboveBilled']),
          actions: 'changeContract',
        },
        DisputeOpened: openDispute,
        DisputeResolved: resolveDispute,
        ContractTerminated: { target: 'terminated', actions: ['terminate', 'discardGateRound'] },
        ContractClosed: {
          guard: and(['deliveryComplete', 'fullyInvoiced', 'noOpenDispute', 'everyInvoiceSettled']),
          target: 'closed',
        },
      },
      states: {
        handoverPending: {
          on: { GateReviewRequested: requestGateReview('deliveryHandover', 'deliveryHandover') },
        },
        deliveryHandover: gateReviewState({ onPass: 'inDelivery', onReject: 'handoverPending' }),
        inDelivery: {
          on: {
            DeliveryMilestoneCompleted: { guard: 'milestoneIdUnused', actions: 'completeMilestone' },
            DeliveryCompleted: {
              guard: 'milestonesCompleted',
              target: 'delivered',
              actions: 'completeDelivery',
            },
          },
        },
        delivered: {},
      },
    },
    // Ended early: what was invoiced is still collected or written off before the contract closes.
    terminated: {
      on: {
        PaymentRecorded: recordPayment,
        InvoiceWrittenOff: writeOff,
        RiskResolved: resolveRisk,
        DisputeOpened: openDispute,
        DisputeResolved: resolveDispute,
        ContractClosed: { guard: and(['noOpenDispute', 'everyInvoiceSettled']), target: 'closed' },
      },
    },
    closed: { on: { ContractEvaluated: { target: 'evaluated', actions: 'evaluate' } } },
    evaluated: { type: 'final' },
  },
});
