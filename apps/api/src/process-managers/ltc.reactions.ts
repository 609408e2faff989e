import { Injectable } from '@nestjs/common';
import { contractStream, customerStream, leadStream, occurredAtOf, opportunityStream } from '@ltc/domain';
import type { StoredEvent } from '@ltc/event-store';
import { LIMITS } from '@ltc/workflow-kit';
import { contractWorkflow } from '@ltc/workflow-contract';
import { customerWorkflow } from '@ltc/workflow-customer';
import { leadWorkflow, type LeadEvent } from '@ltc/workflow-lead';
import { opportunityWorkflow, type OpportunityEvent } from '@ltc/workflow-opportunity';
import { SYSTEM_ACTOR } from '../access/access.service';
import { CustomerWorkflowCommand } from '../customers/customer.commands';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import type { CommandMeta } from '../http/command-meta.decorator';
import { ContractWorkflowCommand } from '../contracts/contract.commands';
import { OpportunityWorkflowCommand } from '../opportunities/opportunity.commands';
import { DealIndex } from '../queries/deal-index';
import type { Reaction } from './reaction';

type Data<T extends LeadEvent['type']> = Extract<LeadEvent, { type: T }>['data'];

/**
 * The command metadata of a reaction: system actor, caused by the event, one id per event and reaction,
 * at the causing event's business time (clamped to the target stream, never refused for it), marked
 * imported when the causing event was.
 */
export function reactionMeta(reaction: string, event: StoredEvent): CommandMeta & { causationId: string } {
  const correlation = event.metadata.correlationId;
  return {
    commandId: `pm:${reaction}:${event.id}`,
    actor: SYSTEM_ACTOR,
    causationId: event.id,
    occurredAt: occurredAtOf(event.metadata),
    occurredAtMode: 'clamp',
    // What reacts to imported history is reconstructed knowledge too.
    ...(event.metadata.imported === true ? { imported: true } : {}),
    ...(typeof correlation === 'string' ? { correlationId: correlation } : {}),
  };
}

/** The work that crosses streams in the LTC process. */
@Injectable()
export class LtcReactions {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly index: DealIndex,
  ) {}

  all(): readonly Reaction[] {
    return [
      this.leadConvertedOpensOpportunity,
      this.opportunityWonOpensContract,
      this.touchRefreshesCustomer,
      this.dealWorkRefreshesCustomer,
    ];
  }

  /** Converting a lead opens its opportunity, from what the lead knows (BANT budget and decision date). */
  readonly leadConvertedOpensOpportunity: Reaction = {
    name: 'lead-converted-opens-opportunity',
    eventTypes: ['LeadConverted'],
    react: async (event) => {
      const { opportunityId } = event.data as Data<'LeadConverted'>;
      const lead = (await this.engine.pipeline.load(leadWorkflow, event.streamId)).state.context;
      const amount = lead.bant?.budget.amount ?? lead.estimatedAmount;
      if (lead.customerId === null || amount === null || lead.bant === null) return [];
      const customer = (await this.engine.pipeline.load(customerWorkflow, customerStream.id(lead.customerId)))
        .state.context;
      const owner = lead.owner ?? customer.owner ?? String(event.metadata.actor);
      return [
        new OpportunityWorkflowCommand(
          opportunityStream.id(opportunityId),
          {
            type: 'OpenOpportunity',
            data: {
              customerId: lead.customerId,
              leadId: leadStream.entityId(event.streamId),
              name: lead.title ?? opportunityId,
              amount,
              expectedCloseDate: lead.bant.time.decisionDate,
              segment: customer.segment ?? 'ordinary',
              customerType: this.index.hasContracts(lead.customerId) ? 'existing' : 'new',
              owner,
            },
          },
          reactionMeta('lead-converted-opens-opportunity', event),
        ),
      ];
    },
  };

  /** A won opportunity opens its contract with the signed amount and the deal's iron triangle. */
  readonly opportunityWonOpensContract: Reaction = {
    name: 'opportunity-won-opens-contract',
    eventTypes: ['OpportunityWon'],
    react: async (event) => {
      const won = event.data as Extract<OpportunityEvent, { type: 'OpportunityWon' }>['data'];
      const deal = (await this.engine.pipeline.load(opportunityWorkflow, event.streamId)).state.context;
      if (deal.customerId === null || deal.triangle === null) return [];
      return [
        new ContractWorkflowCommand(
          contractStream.id(won.contractId),
          {
            type: 'OpenContract',
            data: {
              opportunityId: opportunityStream.entityId(event.streamId),
              customerId: deal.customerId,
              amount: won.signedAmount,
              triangle: deal.triangle,
            },
          },
          reactionMeta('opportunity-won-opens-contract', event),
        ),
      ];
    },
  };

  /** A touch on a lead keeps its customer out of the idle sweep. */
  readonly touchRefreshesCustomer: Reaction = {
    name: 'touch-refreshes-customer',
    eventTypes: ['LeadTouchRecorded'],
    react: async (event) => {
      const touch = event.data as Data<'LeadTouchRecorded'>;
      const lead = (await this.engine.pipeline.load(leadWorkflow, event.streamId)).state.context;
      if (lead.customerId === null) return [];
      return [
        new CustomerWorkflowCommand(
          customerStream.id(lead.customerId),
          {
            type: 'RecordCustomerTouch',
            data: {
              channel: touch.channel,
              note: withinProse(`lead ${event.streamId}: `, touch.note),
              touchedAt: touch.touchedAt,
            },
          },
          reactionMeta('touch-refreshes-customer', event),
        ),
      ];
    },
  };

  /**
   * Work with the customer on its deals (a quote, the bid, a negotiation round, the PO, a delivery
   * milestone, a dispute) keeps it out of the idle sweep as a lead touch does: a touch on channel `deal`.
   */
  readonly dealWorkRefreshesCustomer: Reaction = {
    name: 'deal-work-refreshes-customer',
    eventTypes: [...DEAL_WORK.opportunity, ...DEAL_WORK.contract],
    react: async (event) => {
      const customerId = DEAL_WORK.opportunity.includes(event.type)
        ? (await this.engine.pipeline.load(opportunityWorkflow, event.streamId)).state.context.customerId
        : (await this.engine.pipeline.load(contractWorkflow, event.streamId)).state.context.customerId;
      if (customerId === '') return [];
      return [
        new CustomerWorkflowCommand(
          customerStream.id(customerId),
          {
            type: 'RecordCustomerTouch',
            data: {
              channel: 'deal',
              note: `${event.streamId}: ${event.type}`,
              touchedAt: occurredAtOf(event.metadata),
            },
          },
          reactionMeta('deal-work-refreshes-customer', event),
        ),
      ];
    },
  };
}

/** The deal events that are work with the customer (not internal reviews, votes or bookkeeping). */
export const DEAL_WORK: Readonly<Record<'opportunity' | 'contract', readonly string[]>> = {
  opportunity: [
    'OpportunityOpened',
    'PreBidGuidanceRecorded',
    'QuotePrepared',
    'BidSubmitted',
    'NegotiationRoundRecorded',
    'QuoteRevised',
    'OpportunityWon',
  ],
  contract: [
    'ContractConfirmed',
    'DeliveryMilestoneCompleted',
    'DeliveryCompleted',
    'ContractChanged',
    'DisputeOpened',
    'DisputeResolved',
    'ContractEvaluated',
  ],
};

/**
 * `prefix` and `text` as one note of at most `LIMITS.prose` characters (code points, as the workflows
 * count them): a text that does not fit after the prefix is cut and ends with "…", so a lead touch
 * at the limit still refreshes its customer instead of being refused there (a dead letter every time).
 */
export function withinProse(prefix: string, text: string): string {
  const chars = [...text];
  const room = LIMITS.prose - [...prefix].length;
  return chars.length <= room ? prefix + text : prefix + chars.slice(0, room - 1).join('') + '…';
}
