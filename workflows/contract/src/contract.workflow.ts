import { defineWorkflow } from '@ltc/workflow-kit';
import { buildGateReviewRequest, buildGateVote, buildRoleReassignment } from '@ltc/workflow-gates';
import {
  buildChange,
  buildClose,
  buildConfirmation,
  buildDeliveryComplete,
  buildDispute,
  buildDisputeResolution,
  buildEvaluation,
  buildInvoice,
  buildMilestone,
  buildOpen,
  buildPayment,
  buildRisk,
  buildRiskResolution,
  buildTermination,
  buildWriteOff,
} from './contract.build';
import type { ContractCommand } from './contract.commands';
import { contractRefusalTexts } from './contract.guards';
import { contractMachine } from './contract.machine';
import type { ContractPolicy } from './contract.policy';

/** The contract decider (stream `contract-<id>`). */
export const contractWorkflow = defineWorkflow<typeof contractMachine, ContractCommand, ContractPolicy>({
  name: 'contract',
  version: 1,
  machine: contractMachine,
  refusalTexts: contractRefusalTexts,
  commands: {
    OpenContract: { produces: 'ContractOpened', build: (c) => buildOpen(c) },
    ReassignIronTriangleRole: {
      produces: 'IronTriangleRoleReassigned',
      build: (c, s) => buildRoleReassignment(c, s.context.triangle),
    },
    ConfirmContract: { produces: 'ContractConfirmed', build: (c) => buildConfirmation(c) },
    RequestGateReview: {
      produces: 'GateReviewRequested',
      build: (c, s, ctx) => buildGateReviewRequest(c, s.context.gates, ctx.policy.gates),
    },
    CastGateVote: {
      produces: 'GateVoteCast',
      build: (c, s, ctx) => buildGateVote(c, s.context.gates, ctx.actor),
    },
    CompleteDeliveryMilestone: { produces: 'DeliveryMilestoneCompleted', build: (c) => buildMilestone(c) },
    DeclareDeliveryComplete: { produces: 'DeliveryCompleted', build: (c) => buildDeliveryComplete(c) },
    IssueInvoice: { produces: 'InvoiceIssued', build: (c) => buildInvoice(c) },
    RecordPayment: { produces: 'PaymentRecorded', build: (c) => buildPayment(c) },
    WriteOffInvoice: { produces: 'InvoiceWrittenOff', build: (c, s) => buildWriteOff(c, s) },
    ChangeContract: { produces: 'ContractChanged', build: (c) => buildChange(c) },
    RaiseRisk: { produces: 'RiskRaised', build: (c) => buildRisk(c) },
    ResolveRisk: { produces: 'RiskResolved', build: (c) => buildRiskResolution(c) },
    OpenDispute: { produces: 'DisputeOpened', build: (c) => buildDispute(c) },
    ResolveDispute: { produces: 'DisputeResolved', build: (c) => buildDisputeResolution(c) },
    TerminateContract: { produces: 'ContractTerminated', build: (c, s) => buildTermination(c, s) },
    CloseContract: { produces: 'ContractClosed', build: (c) => buildClose(c) },
    EvaluateContract: { produces: 'ContractEvaluated', build: (c) => buildEvaluation(c) },
  },
});
