import { money, type Command } from '@ltc/domain';
import type { Workflow } from '@ltc/workflow-kit';
import { defaultLeadPolicy, leadWorkflow } from '@ltc/workflow-lead';
import { defaultOpportunityPolicy, opportunityWorkflow } from '@ltc/workflow-opportunity';
import type { AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';
import { defaultContractPolicy } from './contract.policy';
import { contractWorkflow } from './contract.workflow';

// One deal from lead capture to an evaluated contract, decided command by command as the engine would,
// then folded from its stored events alone.

const cny = (yuan: number) => money(yuan * 100, 'CNY');
let day = 0;
/** Each command one day after the previous one: time only ever comes in with the command. */
const nextDay = () => new Date(Date.UTC(2026, 2, 1 + day++, 9)).toISOString();

function stream<M extends AnyStateMachine, C extends Command, P>(workflow: Workflow<M, C, P>, policy: P) {
  let state: SnapshotFrom<M> = workflow.initialState();
  const events: EventFromLogic<M>[] = [];
  return {
    events,
    state: () => state,
    send(actor: string, command: C) {
      const decision = workflow.decide(command, state, { at: nextDay(), actor, policy });
      events.push(...decision.events);
      state = decision.state;
      return decision.events;
    },
  };
}

const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };
const voters = [
  ['ann', 'AR'],
  ['sam', 'SR'],
  ['fay', 'FR'],
] as const;

describe('a deal from lead capture to an evaluated contract', () => {
  const lead = stream(leadWorkflow, defaultLeadPolicy);
  const opportunity = stream(opportunityWorkflow, defaultOpportunityPolicy);
  const contract = stream(contractWorkflow, defaultContractPolicy);

  const passGate = (gate: 'opportunityApproval' | 'solutionConsensus' | 'quoteReview') => {
    opportunity.send('ann', { type: 'RequestGateReview', data: { gate } });
    for (const [voter, role] of voters) {
      opportunity.send(voter, { type: 'CastGateVote', data: { gate, role, decision: 'approve' } });
    }
  };

  beforeAll(() => {
    lead.send('ops-1', {
      type: 'CaptureLead',
      data: {
        customerId: 'cust-1',
        source: 'salon',
        title: 'Cold-chain monitoring for 40 stores',
        contact: { name: 'Li Wei', role: 'IT director', email: 'li.wei@example.com' },
        estimatedAmount: cny(1_200_000),
      },
    });
    lead.send('mgr', { type: 'AssignLead', data: { owner: 'ann' } });
    lead.send('ann', {
      type: 'RecordLeadTouch',
      data: { channel: 'visit', note: 'Site visit', touchedAt: '2026-03-02T15:00:00.000Z' },
    });
    lead.send('ann', {
      type: 'QualifyLead',
      data: {
        budget: { amount: cny(1_300_000), paymentTerms: '30% upfront, 70% on acceptance' },
        authority: {
          decisionProcess: 'IT proposes, CFO approves',
          keyPerson: 'Li Wei',
          decisionMaker: 'CFO Zhang',
        },
        need: {
          realNeed: 'Spoiled stock from unnoticed freezer failures',
          supplierQualification: 'ISO 9001',
          productStandards: 'GB/T 34399 sensors',
          deliveryStandards: 'All stores within 8 weeks',
        },
        time: { projectApprovalDate: '2026-04-01', needFoundDate: '2026-02-10', decisionDate: '2026-05-15' },
        grade: 'hot',
      },
    });
    lead.send('ann', { type: 'ConvertLead', data: { opportunityId: 'opp-1' } });

    // The process manager opens the opportunity from LeadConverted.
    opportunity.send('ann', {
      type: 'OpenOpportunity',
      data: {
        customerId: 'cust-1',
        leadId: 'lead-1',
        name: 'Cold-chain monitoring',
        amount: cny(1_200_000),
        expectedCloseDate: '2026-06-30',
        segment: 'strategic',
        customerType: 'new',
        owner: 'ann',
      },
    });
    opportunity.send('mgr', { type: 'AssignIronTriangle', data: { triangle } });
    opportunity.send('ann', {
      type: 'ValidateOpportunity',
      data: {
        isReal: true,
        solutionFits: true,
        winProbability: 60,
        worthWinning: true,
        notes: 'budget approved',
      },
    });
    passGate('opportunityApproval');
    opportunity.send('sam', {
      type: 'RecordPreBidGuidance',
      data: { note: 'Steered the tender to wireless sensors' },
    });
    opportunity.send('ann', { type: 'RequestGateReview', data: { gate: 'solutionConsensus' } });
    opportunity.send('ann', {
      type: 'CastGateVote',
      data: { gate: 'solutionConsensus', role: 'AR', decision: 'approve' },
    });
    opportunity.send('fay', {
      type: 'CastGateVote',
      data: {
        gate: 'solutionConsensus',
        role: 'FR',
        decision: 'reject',
        reason: 'no installers for 40 stores in 8 weeks',
      },
    });
    opportunity.send('sam', {
      type: 'RecordPreBidGuidance',
      data: { note: 'Phased roll-out agreed with the customer' },
    });
    passGate('solutionConsensus');
    opportunity.send('sam', {
      type: 'PrepareQuote',
      data: { quoteReference: 'Q-2026-17', amount: cny(1_150_000) },
    });
    passGate('quoteReview');
    opportunity.send('sam', {
      type: 'SubmitBid',
      data: { quoteReference: 'Q-2026-17', amount: cny(1_150_000), validUntil: '2026-06-30' },
    });
    opportunity.send('ann', {
      type: 'RecordNegotiationRound',
      data: { situation: 'win-win', priceChange: cny(-30_000), note: 'longer warranty for a lower price' },
    });
    opportunity.send('ann', {
      type: 'WinOpportunity',
      data: { contractId: 'k-1', signedAmount: cny(1_120_000), signedAt: '2026-04-01T10:00:00.000Z' },
    });

    // The process manager opens the contract from OpportunityWon.
    const won = opportunity.state().context;
    contract.send('ops-1', {
      type: 'OpenContract',
      data: {
        opportunityId: 'opp-1',
        customerId: won.customerId,
        amount: won.outcome?.kind === 'won' ? won.outcome.signedAmount : cny(0),
        triangle: won.triangle ?? triangle,
      },
    });
    contract.send('ann', {
      type: 'ConfirmContract',
      data: { poNumber: 'PO-8812', confirmedAmount: cny(1_120_000) },
    });
    contract.send('fay', { type: 'RequestGateReview', data: { gate: 'deliveryHandover' } });
    for (const [voter, role] of voters) {
      contract.send(voter, {
        type: 'CastGateVote',
        data: { gate: 'deliveryHandover', role, decision: 'approve' },
      });
    }
    contract.send('ops-1', {
      type: 'IssueInvoice',
      data: { invoiceId: 'inv-1', amount: cny(336_000), dueDate: '2026-05-01' },
    });
    contract.send('ops-1', {
      type: 'RecordPayment',
      data: { invoiceId: 'inv-1', amount: cny(336_000), receivedOn: '2026-04-28' },
    });
    contract.send('fay', {
      type: 'RaiseRisk',
      data: { riskId: 'r-1', title: 'Installer shortage', severity: 'medium' },
    });
    contract.send('fay', {
      type: 'CompleteDeliveryMilestone',
      data: { milestoneId: 'm-1', name: 'First 20 stores' },
    });
    contract.send('fay', {
      type: 'ResolveRisk',
      data: { riskId: 'r-1', resolution: 'Partner installers hired' },
    });
    contract.send('ann', {
      type: 'ChangeContract',
      data: {
        kind: 'prospective',
        amountDelta: cny(80_000),
        scope: 'Four extra stores',
        reason: 'customer expansion',
      },
    });
    contract.send('ann', { type: 'OpenDispute', data: { disputeId: 'd-1', subject: 'Late second phase' } });
    contract.send('fay', {
      type: 'CompleteDeliveryMilestone',
      data: { milestoneId: 'm-2', name: 'Remaining 24 stores' },
    });
    contract.send('ann', {
      type: 'ResolveDispute',
      data: { disputeId: 'd-1', outcome: 'settled', amountImpact: cny(-20_000), note: 'penalty credited' },
    });
    contract.send('fay', { type: 'DeclareDeliveryComplete', data: { acceptanceReference: 'ACC-44' } });
    contract.send('ops-1', {
      type: 'IssueInvoice',
      data: { invoiceId: 'inv-2', amount: cny(844_000), dueDate: '2026-07-31' },
    });
    contract.send('ops-1', {
      type: 'RecordPayment',
      data: { invoiceId: 'inv-2', amount: cny(840_000), receivedOn: '2026-07-20' },
    });
    contract.send('ops-1', { type: 'WriteOffInvoice', data: { invoiceId: 'inv-2', reason: 'bank charges' } });
    contract.send('ann', { type: 'CloseContract', data: { note: 'all stores live' } });
    contract.send('ann', {
      type: 'EvaluateContract',
      data: { customerSatisfaction: 5, successCriteriaMet: true, note: 'reference customer' },
    });
  });

  it('ends converted, won and evaluated', () => {
    expect(leadWorkflow.stateName(lead.state())).toBe('converted');
    expect(opportunityWorkflow.stateName(opportunity.state())).toBe('won');
    expect(contractWorkflow.stateName(contract.state())).toBe('evaluated');
  });

  it('records one rejected gate round and its resubmission', () => {
    const gateEvents = opportunity.events.filter((e) => e.type === 'GateRejected' || e.type === 'GatePassed');
    expect(gateEvents.map((e) => `${e.type} ${e.data.gate} #${e.data.round}`)).toEqual([
      'GatePassed opportunityApproval #1',
      'GateRejected solutionConsensus #1',
      'GatePassed solutionConsensus #2',
      'GatePassed quoteReview #1',
    ]);
  });

  it('keeps the money straight across the streams', () => {
    const c = contract.state().context;
    expect(c.signedAmount).toEqual(cny(1_120_000));
    expect(c.amount).toEqual(cny(1_180_000));
    expect(c.invoices['inv-2']).toMatchObject({ paid: cny(840_000), writtenOff: cny(4_000) });
    expect(opportunity.state().context.quote.approved?.amount).toEqual(cny(1_150_000));
  });

  it.each([
    ['lead', () => ({ workflow: leadWorkflow as Workflow<AnyStateMachine, Command, unknown>, s: lead })],
    [
      'opportunity',
      () => ({
        workflow: opportunityWorkflow as Workflow<AnyStateMachine, Command, unknown>,
        s: opportunity,
      }),
    ],
    [
      'contract',
      () => ({ workflow: contractWorkflow as Workflow<AnyStateMachine, Command, unknown>, s: contract }),
    ],
  ])('folds the %s stream from its stored events to the state the decisions produced', (_name, get) => {
    const { workflow, s } = get();
    // Through JSON, as a store would keep them: nothing but the event data survives.
    const stored = JSON.parse(JSON.stringify(s.events)) as EventFromLogic<AnyStateMachine>[];
    const replayed = workflow.fold(stored);
    expect(replayed.value).toEqual(s.state().value);
    expect(replayed.context).toEqual(s.state().context);
    expect(replayed.status).toBe('done');
  });
});
