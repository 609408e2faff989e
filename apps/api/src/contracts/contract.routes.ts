import { contractStream } from '@ltc/domain';
import type { ContractCommand } from '@ltc/workflow-contract';
import type { GateName } from '@ltc/workflow-gates';
import { CastGateVoteDto, RequestGateReviewDto } from '../gates/dtos/gate-vote.dtos';
import { ReassignIronTriangleRoleDto } from '../gates/dtos/triangle.dtos';
import { ReasonDto } from '../http/common.dto';
import { routeTable } from '../http/command-route';
import { ContractWorkflowCommand } from './contract.commands';
import { IssueInvoiceDto, RecordPaymentDto, WriteOffInvoiceDto } from './dtos/billing.dtos';
import { ChangeContractDto } from './dtos/change-contract.dto';
import { CloseContractDto, EvaluateContractDto } from './dtos/closing.dtos';
import { ConfirmContractDto } from './dtos/confirm-contract.dto';
import { CompleteDeliveryMilestoneDto, DeclareDeliveryCompleteDto } from './dtos/delivery.dtos';
import { OpenDisputeDto, ResolveDisputeDto } from './dtos/dispute.dtos';
import { OpenContractDto } from './dtos/open-contract.dto';
import { RaiseRiskDto, ResolveRiskDto } from './dtos/risk.dtos';

/** A contract has one gate: the triangle agrees the delivery plan before delivery starts. */
const gates: readonly GateName[] = ['deliveryHandover'];

/**
 * Every contract command over HTTP: `POST /api/contracts/...`. The commands an opportunity has too
 * name an operationId of their own.
 */
export const contractRoutes = routeTable<ContractCommand>()({
  path: 'contracts',
  label: 'Contract',
  labelPlural: 'Contracts',
  stream: contractStream,
  message: ContractWorkflowCommand,
  routes: {
    OpenContract: {
      path: '',
      dto: OpenContractDto,
      creates: 'contractId',
      summary: 'open the contract of a won deal (the engine does this; managers may too)',
    },
    ReassignIronTriangleRole: {
      path: ':id/triangle/reassign',
      dto: ReassignIronTriangleRoleDto,
      operationId: 'reassignContractTriangleRole',
      summary: 'give one triangle role to another person, with the reason (managers)',
    },
    ConfirmContract: {
      path: ':id/confirm',
      dto: ConfirmContractDto,
      summary: "the customer's PO arrived: its number and amount",
    },
    RequestGateReview: {
      path: ':id/gates/:gate/review',
      dto: RequestGateReviewDto,
      gates,
      operationId: 'requestContractGateReview',
      summary: 'open a delivery handover review round for the triangle',
    },
    CastGateVote: {
      path: ':id/gates/:gate/votes',
      dto: CastGateVoteDto,
      gates,
      operationId: 'castContractGateVote',
      summary: 'approve or reject the handover as the holder of a triangle role',
    },
    CompleteDeliveryMilestone: {
      path: ':id/milestones',
      dto: CompleteDeliveryMilestoneDto,
      summary: 'a delivery milestone is done',
    },
    DeclareDeliveryComplete: {
      path: ':id/delivery/complete',
      dto: DeclareDeliveryCompleteDto,
      summary: 'the customer accepted the delivery',
    },
    IssueInvoice: {
      path: ':id/invoices',
      dto: IssueInvoiceDto,
      summary: 'bill part of the contract amount (never more than it in total)',
    },
    RecordPayment: {
      path: ':id/payments',
      dto: RecordPaymentDto,
      summary: 'money received against an invoice (never more than it owes)',
    },
    WriteOffInvoice: {
      path: ':id/write-offs',
      dto: WriteOffInvoiceDto,
      summary: 'give up what an invoice still owes, with the reason',
    },
    ChangeContract: {
      path: ':id/changes',
      dto: ChangeContractDto,
      summary: 'change scope and amount (separate contract, prospective or cumulative catch-up)',
    },
    RaiseRisk: { path: ':id/risks', dto: RaiseRiskDto, summary: 'record a delivery or collection risk' },
    ResolveRisk: {
      path: ':id/risks/resolutions',
      dto: ResolveRiskDto,
      summary: 'close a risk with its resolution',
    },
    OpenDispute: {
      path: ':id/disputes',
      dto: OpenDisputeDto,
      summary: 'the customer disputes the contract or an invoice',
    },
    ResolveDispute: {
      path: ':id/disputes/resolutions',
      dto: ResolveDisputeDto,
      summary: 'settle a dispute; its amount impact changes the contract amount',
    },
    TerminateContract: {
      path: ':id/terminate',
      dto: ReasonDto,
      summary: 'end the contract early, with the reason',
    },
    CloseContract: {
      path: ':id/close',
      dto: CloseContractDto,
      summary: 'close a delivered, fully invoiced and settled contract',
    },
    EvaluateContract: {
      path: ':id/evaluate',
      dto: EvaluateContractDto,
      summary: 'evaluate the closed contract: satisfaction and success criteria',
    },
  },
});
