import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { ok, startSession, type As } from '../support/session';
import { eur, nowIso, today, type HistoryEvent } from '../support/fixtures';
import type { Person } from '../support/team';

/**
 * One deal from the first contact to the customer's evaluation, over HTTP against the running app:
 * the process managers open the opportunity and the contract, the iron triangle votes at every gate.
 */
describe('the whole Lead-to-Cash journey', () => {
  let api: ApiProcess;
  let as: As;
  let leadId = '';
  const opp = 'opp-journey';
  const contract = 'ctr-journey';

  beforeAll(async () => {
    ({ api, as } = await startSession());
  });
  afterAll(() => api.stop());

  const onOpp = (who: Person, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/opportunities/${opp}/${verb}`, body);
  const onContract = (who: Person, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/contracts/${contract}/${verb}`, body);
  const vote =
    (kind: 'opportunities' | 'contracts', id: string, gate: string) => async (who: Person, role: string) =>
      ok(as(who, 'POST', `/api/${kind}/${id}/gates/${gate}/votes`, { role, decision: 'approve' }));
  const passOppGate = async (gate: string, next: string) => {
    await ok(onOpp('ann', `gates/${gate}/review`), `open.${gate}`);
    const cast = vote('opportunities', opp, gate);
    await cast('ann', 'AR');
    await cast('sam', 'SR');
    await ok(
      as('fay', 'POST', `/api/opportunities/${opp}/gates/${gate}/votes`, { role: 'FR', decision: 'approve' }),
      next,
    );
  };
  const history = async (kind: string, id: string) =>
    (await as('root', 'GET', `/api/${kind}/${id}/history?limit=1000`)).body['events'] as HistoryEvent[];

  it('captures, touches, qualifies and converts the lead', async () => {
    await ok(
      as('ann', 'POST', '/api/customers', { customerId: 'initech', name: 'Initech', segment: 'strategic' }),
    );
    await ok(as('ann', 'POST', '/api/customers/initech/claim', {}), 'owned');
    const lead = await ok(
      as('ann', 'POST', '/api/leads', {
        customerId: 'initech',
        source: 'event',
        title: 'Data-centre consolidation',
        contact: { name: 'Peter', email: 'peter@initech.example' },
        estimatedAmount: eur(900_000_00),
      }),
      'new',
    );
    leadId = String(lead['id']);
    await ok(as('bob', 'POST', `/api/leads/${leadId}/assign`, { owner: 'ann' }), 'working');
    await ok(
      as('ann', 'POST', `/api/leads/${leadId}/touches`, {
        channel: 'visit',
        note: 'site visit',
        touchedAt: nowIso(),
      }),
    );
    await ok(
      as('ann', 'POST', `/api/leads/${leadId}/qualify`, {
        budget: { amount: eur(1_000_000_00), paymentTerms: '40/60' },
        authority: { decisionProcess: 'board', keyPerson: 'Bill (COO)', decisionMaker: 'Board' },
        need: {
          realNeed: 'consolidate two sites',
          supplierQualification: 'tier 1',
          productStandards: 'N+1',
          deliveryStandards: '12 weeks',
        },
        time: { projectApprovalDate: '2026-03-01', needFoundDate: '2026-01-15', decisionDate: '2026-06-30' },
        grade: 'hot',
      }),
      'qualified',
    );
    await ok(as('ann', 'POST', `/api/leads/${leadId}/convert`, { opportunityId: opp }), 'converted');
  });

  it('opens the opportunity by process manager; the triangle is assigned and the deal validated', async () => {
    await eventually(async () =>
      expect((await as('ann', 'GET', `/api/opportunities/${opp}`)).status).toBe(200),
    );
    await ok(onOpp('bob', 'triangle', { triangle: { AR: 'ann', SR: 'sam', FR: 'fay' } }), 'open.opened');
    await ok(
      onOpp('ann', 'validate', {
        isReal: true,
        solutionFits: true,
        winProbability: 70,
        worthWinning: true,
        notes: 'strategic account',
      }),
      'open.validated',
    );
  });

  it('votes through the opportunity approval gate after one rejection and a resubmission', async () => {
    await ok(onOpp('ann', 'gates/opportunityApproval/review'), 'open.opportunityApproval');
    await ok(
      as('sam', 'POST', `/api/opportunities/${opp}/gates/opportunityApproval/votes`, {
        role: 'SR',
        decision: 'reject',
        reason: 'solution scope unclear',
      }),
      'open.validated',
    );
    await passOppGate('opportunityApproval', 'open.preBidGuidance');
  });

  it('passes solution consensus and quote review, bids, negotiates and wins', async () => {
    await ok(onOpp('sam', 'pre-bid-guidance', { note: 'steered the RFP to active-active' }));
    await passOppGate('solutionConsensus', 'open.bidPreparation');
    await ok(onOpp('sam', 'quote', { quoteReference: 'Q-7', amount: eur(980_000_00) }));
    await passOppGate('quoteReview', 'open.bidReady');
    await ok(
      onOpp('ann', 'bid', { quoteReference: 'Q-7', amount: eur(980_000_00), validUntil: '2026-12-31' }),
      'open.bidSubmitted',
    );
    await ok(
      onOpp('ann', 'negotiation-rounds', {
        situation: 'win-win',
        priceChange: eur(-20_000_00),
        note: 'longer warranty instead',
      }),
      'open.negotiation',
    );
    await ok(
      onOpp('ann', 'win', {
        contractId: contract,
        signedAmount: eur(960_000_00),
        signedAt: nowIso(),
      }),
      'won',
    );
  });

  it('opens the contract by process manager, confirms it and hands it over to delivery', async () => {
    await eventually(async () =>
      expect((await as('fay', 'GET', `/api/contracts/${contract}`)).status).toBe(200),
    );
    await ok(onContract('ann', 'confirm', { poNumber: 'PO-4711', confirmedAmount: eur(960_000_00) }));
    await ok(onContract('fay', 'gates/deliveryHandover/review'), 'executing.deliveryHandover');
    const cast = vote('contracts', contract, 'deliveryHandover');
    await cast('ann', 'AR');
    await cast('sam', 'SR');
    await cast('fay', 'FR');
    expect((await as('fay', 'GET', `/api/contracts/${contract}`)).body['state']).toBe('executing.inDelivery');
  });

  it('delivers, invoices, collects, changes, settles a dispute, closes and is evaluated', async () => {
    await ok(onContract('fay', 'milestones', { milestoneId: 'm-1', name: 'racks installed' }));
    await ok(
      onContract('ops', 'invoices', { invoiceId: 'inv-1', amount: eur(480_000_00), dueDate: '2026-08-31' }),
    );
    await ok(
      onContract('ops', 'payments', {
        invoiceId: 'inv-1',
        amount: eur(480_000_00),
        receivedOn: today(),
      }),
    );
    await ok(
      onContract('ann', 'changes', {
        kind: 'prospective',
        amountDelta: eur(40_000_00),
        scope: 'extra rack',
        reason: 'growth',
      }),
    );
    await ok(onContract('ann', 'disputes', { disputeId: 'd-1', subject: 'installation delay penalty' }));
    await ok(
      onContract('ann', 'disputes/resolutions', {
        disputeId: 'd-1',
        outcome: 'withdrawn',
        amountImpact: eur(0),
      }),
    );
    await ok(onContract('fay', 'delivery/complete', { acceptanceReference: 'ACC-9' }), 'executing.delivered');
    await ok(
      onContract('ops', 'invoices', { invoiceId: 'inv-2', amount: eur(520_000_00), dueDate: '2026-10-31' }),
    );
    await ok(
      onContract('ops', 'payments', {
        invoiceId: 'inv-2',
        amount: eur(520_000_00),
        receivedOn: today(),
      }),
    );
    await ok(onContract('ann', 'close', {}), 'closed');
    await ok(
      onContract('ann', 'evaluate', {
        customerSatisfaction: 5,
        successCriteriaMet: true,
        note: 'reference customer',
      }),
      'evaluated',
    );
  });

  it('tells the whole story from the history endpoints: every event in order, with actors and causes', async () => {
    const lead = await history('leads', leadId);
    const deal = await history('opportunities', opp);
    const ctr = await history('contracts', contract);
    for (const events of [lead, deal, ctr])
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(lead.map((e) => `${e.type}:${String(e.metadata['actor'])}`)).toEqual([
      'LeadCaptured:ann',
      'LeadAssigned:bob',
      'LeadTouchRecorded:ann',
      'LeadQualified:ann',
      'LeadConverted:ann',
    ]);
    const converted = lead.at(-1)!;
    expect(deal[0]).toMatchObject({
      type: 'OpportunityOpened',
      metadata: { actor: 'system', causationId: converted.id },
    });
    expect(deal.filter((e) => e.type === 'GateRejected')).toHaveLength(1);
    expect(deal.filter((e) => e.type === 'GatePassed')).toHaveLength(3);
    const votes = deal.filter((e) => e.type === 'GateVoteCast').map((e) => String(e.metadata['actor']));
    expect(new Set(votes)).toEqual(new Set(['ann', 'sam', 'fay']));
    const won = deal.at(-1)!;
    expect(won.type).toBe('OpportunityWon');
    expect(ctr[0]).toMatchObject({
      type: 'ContractOpened',
      metadata: { actor: 'system', causationId: won.id },
    });
    expect(ctr.at(-1)?.type).toBe('ContractEvaluated');
    expect(ctr.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'ContractConfirmed',
        'GatePassed',
        'InvoiceIssued',
        'PaymentRecorded',
        'ContractChanged',
        'DisputeOpened',
        'DisputeResolved',
        'ContractClosed',
      ]),
    );
    // Every event carries the hash of the one before it in its stream.
    for (const events of [lead, deal, ctr]) {
      events.slice(1).forEach((e, i) => expect(e.metadata['previousHash']).toBe(events[i]!.metadata['hash']));
    }
  });
});
