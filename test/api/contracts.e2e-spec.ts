import type { ApiProcess } from '../support/api-process';
import { call, type Answer } from '../support/http';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import { wonContract } from '../support/deal';
import { eur, today, TRIANGLE, type Body, type HistoryEvent } from '../support/fixtures';
import type { Person } from '../support/team';

const open = (contractId: string, extra: Body = {}) => ({
  contractId,
  opportunityId: `opp-${contractId}`,
  customerId: 'acme',
  amount: eur(1_000_000),
  triangle: TRIANGLE,
  ...extra,
});

describe('contracts over HTTP', () => {
  let api: ApiProcess;
  let keys: Record<Person, string>;
  let as: As;

  beforeAll(async () => {
    ({ api, keys, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
  });
  afterAll(() => api.stop());

  const post = (who: Person, id: string, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/contracts/${id}/${verb}`, body);
  const refused = async (answer: Promise<Answer>, rule: string, status = 409) => {
    const a = await answer;
    expect({ status: a.status, body: a.body }).toMatchObject({ status, body: { rule } });
  };
  const view = async (id: string) => (await as('root', 'GET', `/api/contracts/${id}`)).body;
  const revision = async (id: string) => (await view(id))['revision'];
  const history = async (id: string) =>
    (await as('root', 'GET', `/api/contracts/${id}/history?limit=1000`)).body['events'] as HistoryEvent[];
  const vote = (who: Person, id: string, role: string, decision = 'approve', reason?: string) =>
    post(who, id, 'gates/deliveryHandover/votes', {
      role,
      decision,
      ...(reason === undefined ? {} : { reason }),
    });
  /** Opened by the engine for its won deal, confirmed by the AR, handover passed: in delivery. */
  const toDelivery = async (id: string, amount = 1_000_000) => {
    await wonContract(as, id, amount);
    await ok(
      post('ann', id, 'confirm', { poNumber: `PO-${id}`, confirmedAmount: eur(amount) }),
      'executing.handoverPending',
    );
    await ok(post('fay', id, 'gates/deliveryHandover/review'), 'executing.deliveryHandover');
    await ok(vote('ann', id, 'AR'));
    await ok(vote('sam', id, 'SR'));
    await ok(vote('fay', id, 'FR'), 'executing.inDelivery');
  };

  it('documents every command as its own OpenAPI operation, with unique operation ids', async () => {
    const doc = (await (await fetch(`${api.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, id: op.operationId })),
    );
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = operations.filter((o) => o.path.startsWith('/api/contracts') && o.method === 'post');
    expect(mine.map((o) => o.id).sort()).toEqual(
      [
        'openContract',
        'reassignContractTriangleRole',
        'confirmContract',
        'requestContractGateReview',
        'castContractGateVote',
        'completeDeliveryMilestone',
        'declareDeliveryComplete',
        'issueInvoice',
        'recordPayment',
        'writeOffInvoice',
        'changeContract',
        'raiseRisk',
        'resolveRisk',
        'openDispute',
        'resolveDispute',
        'terminateContract',
        'closeContract',
        'evaluateContract',
      ].sort(),
    );
  });

  describe('the happy path: open to evaluated', () => {
    const id = 'c-1';

    it('is opened by the engine for its won deal, with the signed amount and the triangle', async () => {
      await wonContract(as, id);
      expect(await view(id)).toMatchObject({
        state: 'awaitingConfirmation',
        revision: 0,
        context: { triangle: TRIANGLE, customerId: 'acme', amount: eur(1_000_000) },
      });
      // A manager opening it again is told it exists.
      await refused(as('bob', 'POST', '/api/contracts', open(id)), 'alreadyExists');
    });

    it('is refused (opportunityWon) for a deal not won or as another contract; nothing appended', async () => {
      await refused(as('bob', 'POST', '/api/contracts', open('c-no-deal')), 'opportunityWon');
      const other = await as('bob', 'POST', '/api/contracts', {
        ...open('c-other'),
        opportunityId: `opp-${id}`,
      });
      expect(other).toMatchObject({
        status: 409,
        body: {
          rule: 'opportunityWon',
          message: expect.stringContaining(`opp-${id} was won as contract ${id}`),
        },
      });
      // Derived from the Idempotency-Key, the id is not the one the deal was won as.
      const derived = { ...open(id), contractId: undefined };
      await refused(
        as('bob', 'POST', '/api/contracts', derived, { 'Idempotency-Key': 'open-derived-00001' }),
        'opportunityWon',
      );
      for (const c of ['c-no-deal', 'c-other'])
        expect((await as('root', 'GET', `/api/contracts/${c}`)).status).toBe(404);
    });

    it('is confirmed by the PO, whose amount is the contract amount', async () => {
      await refused(
        post('ann', id, 'confirm', {
          poNumber: 'PO-1',
          confirmedAmount: { amountMinor: 1_000_000, currency: 'USD' },
        }),
        'currencyMatches',
      );
      await ok(
        post('ann', id, 'confirm', { poNumber: 'PO-1', confirmedAmount: eur(1_000_000) }),
        'executing.handoverPending',
      );
    });

    it('passes the delivery handover gate after a rejection and a resubmission', async () => {
      await ok(post('fay', id, 'gates/deliveryHandover/review'), 'executing.deliveryHandover');
      await ok(vote('ann', id, 'AR'));
      const rejected = await ok(
        vote('sam', id, 'SR', 'reject', 'delivery plan lacks a site survey'),
        'executing.handoverPending',
      );
      expect((rejected['events'] as { type: string }[]).map((e) => e.type)).toEqual([
        'GateVoteCast',
        'GateRejected',
      ]);
      await ok(post('fay', id, 'gates/deliveryHandover/review'), 'executing.deliveryHandover');
      await ok(vote('ann', id, 'AR'));
      await ok(vote('sam', id, 'SR'));
      const passed = await ok(vote('fay', id, 'FR'), 'executing.inDelivery');
      expect((passed['events'] as { type: string }[]).map((e) => e.type)).toEqual([
        'GateVoteCast',
        'GatePassed',
      ]);
    });

    it('raises and resolves a risk', async () => {
      await ok(post('fay', id, 'risks', { riskId: 'r-1', title: 'site not ready', severity: 'high' }));
      await refused(
        post('fay', id, 'risks', { riskId: 'r-1', title: 'again', severity: 'low' }),
        'riskIdUnused',
      );
      await ok(
        post('fay', id, 'risks/resolutions', { riskId: 'r-1', resolution: 'customer finished the site' }),
      );
      await refused(
        post('fay', id, 'risks/resolutions', { riskId: 'r-1', resolution: 'twice' }),
        'riskIsOpen',
      );
    });

    it('completes milestones, each once', async () => {
      await ok(
        post('fay', id, 'milestones', { milestoneId: 'm-1', name: 'hardware installed' }),
        'executing.inDelivery',
      );
      await refused(
        post('fay', id, 'milestones', { milestoneId: 'm-1', name: 'hardware installed' }),
        'milestoneIdUnused',
      );
      await ok(
        post('fay', id, 'milestones', {
          milestoneId: 'm-2',
          name: 'data migrated',
          note: 'weekend cut-over',
        }),
      );
    });

    it('invoices within the contract amount: over-invoicing is refused', async () => {
      await ok(
        post('ops', id, 'invoices', { invoiceId: 'inv-1', amount: eur(600_000), dueDate: '2026-09-30' }),
      );
      await refused(
        post('ann', id, 'invoices', { invoiceId: 'inv-2', amount: eur(500_000), dueDate: '2026-10-31' }),
        'invoiceWithinContractAmount',
      );
      await refused(
        post('ann', id, 'invoices', { invoiceId: 'inv-1', amount: eur(1), dueDate: '2026-10-31' }),
        'invoiceIdUnused',
      );
      await ok(
        post('ann', id, 'invoices', { invoiceId: 'inv-2', amount: eur(400_000), dueDate: '2026-10-31' }),
      );
    });

    it('collects payments within what each invoice owes: over-payment is refused', async () => {
      await refused(
        post('ops', id, 'payments', { invoiceId: 'inv-1', amount: eur(700_000), receivedOn: today() }),
        'paymentWithinOutstanding',
      );
      await refused(
        post('ops', id, 'payments', { invoiceId: 'inv-9', amount: eur(1), receivedOn: today() }),
        'invoiceExists',
      );
      await ok(
        post('ops', id, 'payments', {
          invoiceId: 'inv-1',
          amount: eur(600_000),
          receivedOn: today(),
          reference: 'TX-1',
        }),
      );
      await refused(
        post('ops', id, 'payments', { invoiceId: 'inv-1', amount: eur(1), receivedOn: today() }),
        'paymentWithinOutstanding',
      );
    });

    it('changes the contract, never below what is billed', async () => {
      await refused(
        post('ann', id, 'changes', {
          kind: 'prospective',
          amountDelta: eur(-100_000),
          scope: 'one rack less',
          reason: 'budget cut',
        }),
        'amountStaysAboveBilled',
      );
      const changed = await ok(
        post('ann', id, 'changes', {
          kind: 'prospective',
          amountDelta: eur(200_000),
          scope: 'two more racks',
          reason: 'pilot expanded',
        }),
      );
      expect((changed['events'] as { data: Body }[])[0]?.data).toMatchObject({
        kind: 'prospective',
        separateContractId: null,
      });
      expect((await view(id))['context']).toMatchObject({ amount: eur(1_200_000) });
      await ok(
        post('ops', id, 'invoices', { invoiceId: 'inv-3', amount: eur(200_000), dueDate: '2026-11-30' }),
      );
    });

    it('opens a dispute on an invoice and resolves it with a credit', async () => {
      await refused(
        post('ann', id, 'disputes', { disputeId: 'd-1', subject: 'x', invoiceId: 'inv-9' }),
        'disputeInvoiceExists',
      );
      await ok(
        post('ann', id, 'disputes', {
          disputeId: 'd-1',
          subject: 'inv-3 bills racks not yet installed',
          invoiceId: 'inv-3',
        }),
      );
      await ok(post('fay', id, 'delivery/complete', { acceptanceReference: 'ACC-1' }), 'executing.delivered');
      await refused(post('ann', id, 'close', {}), 'noOpenDispute');
      // The credit would take the amount below what is billed: write the invoice off first.
      await refused(
        post('ann', id, 'disputes/resolutions', {
          disputeId: 'd-1',
          outcome: 'settled',
          amountImpact: eur(-200_000),
        }),
        'amountStaysAboveBilled',
      );
      const writtenOff = await ok(
        post('ops', id, 'write-offs', { invoiceId: 'inv-3', reason: 'credited in the settlement' }),
      );
      expect((writtenOff['events'] as { data: Body }[])[0]?.data).toMatchObject({ amount: eur(200_000) });
      await ok(
        post('ann', id, 'disputes/resolutions', {
          disputeId: 'd-1',
          outcome: 'settled',
          amountImpact: eur(-200_000),
          note: 'credit',
        }),
      );
      expect((await view(id))['context']).toMatchObject({ amount: eur(1_000_000) });
    });

    it('closes once every invoice is settled, then is evaluated', async () => {
      await refused(post('ann', id, 'close', {}), 'everyInvoiceSettled');
      await ok(
        post('ops', id, 'payments', { invoiceId: 'inv-2', amount: eur(400_000), receivedOn: today() }),
      );
      await ok(post('ann', id, 'close', { note: 'all collected' }), 'closed');
      expect(
        await post('ann', id, 'evaluate', { customerSatisfaction: 6, successCriteriaMet: true }),
      ).toMatchObject({ status: 400 });
      const evaluated = await ok(
        post('ann', id, 'evaluate', { customerSatisfaction: 4, successCriteriaMet: true, note: 'on time' }),
        'evaluated',
      );
      expect(evaluated['allowed']).toEqual([]);
    });

    it('keeps the whole history in order, with the actors', async () => {
      const events = await history(id);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect(events[0]).toMatchObject({ type: 'ContractOpened', metadata: { actor: 'system' } });
      expect(events.at(-1)).toMatchObject({ type: 'ContractEvaluated', metadata: { actor: 'ann' } });
      const types = events.map((e) => e.type);
      for (const type of [
        'ContractConfirmed',
        'GateRejected',
        'GatePassed',
        'DeliveryCompleted',
        'ContractChanged',
        'DisputeResolved',
        'ContractClosed',
      ]) {
        expect(types).toContain(type);
      }
      expect(events.filter((e) => e.type === 'PaymentRecorded').map((e) => e.metadata.actor)).toEqual([
        'ops',
        'ops',
      ]);
    });
  });

  it('terminates a contract early; it closes once settled, without delivery', async () => {
    await toDelivery('c-term');
    await ok(
      post('ops', 'c-term', 'invoices', { invoiceId: 'adv', amount: eur(100_000), dueDate: '2026-09-30' }),
    );
    await ok(post('ann', 'c-term', 'terminate', { reason: 'customer cancelled the project' }), 'terminated');
    await refused(
      post('fay', 'c-term', 'milestones', { milestoneId: 'm-1', name: 'late' }),
      'transitionNotAllowed',
    );
    await refused(post('ann', 'c-term', 'close', {}), 'everyInvoiceSettled');
    await ok(post('ops', 'c-term', 'write-offs', { invoiceId: 'adv', reason: 'cancellation agreement' }));
    await ok(post('ann', 'c-term', 'close', {}), 'closed');
  });

  it('a separate-contract change names the new contract and leaves the amount', async () => {
    await toDelivery('c-sep');
    expect(
      await post('ann', 'c-sep', 'changes', {
        kind: 'separate-contract',
        amountDelta: eur(50_000),
        scope: 'support',
        reason: 'x',
      }),
    ).toMatchObject({
      status: 400,
      body: { code: 'INVALID_COMMAND' },
    });
    await ok(
      post('ann', 'c-sep', 'changes', {
        kind: 'separate-contract',
        amountDelta: eur(50_000),
        scope: 'support',
        reason: 'x',
        separateContractId: 'c-sep-2',
      }),
    );
    expect((await view('c-sep'))['context']).toMatchObject({ amount: eur(1_000_000) });
  });

  describe('who may do what: 403 with the rule, nothing appended', () => {
    const id = 'c-auth';
    beforeAll(() => toDelivery(id));

    it('only managers (and the engine) open contracts, with known people', async () => {
      await refused(as('ann', 'POST', '/api/contracts', open('c-by-ann')), 'managersOnly', 403);
      await refused(as('ops', 'POST', '/api/contracts', open('c-by-ops')), 'managersOnly', 403);
      expect(
        await as(
          'bob',
          'POST',
          '/api/contracts',
          open('c-ghost', { triangle: { ...TRIANGLE, SR: 'nobody' } }),
        ),
      ).toMatchObject({
        status: 400,
        body: { code: 'INVALID_COMMAND' },
      });
      expect((await as('root', 'GET', '/api/contracts/c-by-ann')).status).toBe(404);
      expect((await as('root', 'GET', '/api/contracts/c-ghost')).status).toBe(404);
    });

    it("B may not work A's contract; ops only bill, collect and write off", async () => {
      const before = await revision(id);
      await refused(
        post('cy', id, 'invoices', { invoiceId: 'cy-1', amount: eur(1), dueDate: '2026-09-30' }),
        'customerOwnedByAnother',
        403,
      );
      await refused(
        post('cy', id, 'milestones', { milestoneId: 'cy', name: 'x' }),
        'customerOwnedByAnother',
        403,
      );
      await refused(
        post('ops', id, 'risks', { riskId: 'ops-1', title: 'x', severity: 'low' }),
        'customerOwnedByAnother',
        403,
      );
      await refused(post('ops', id, 'terminate', { reason: 'x' }), 'customerOwnedByAnother', 403);
      expect(await revision(id)).toBe(before);
      await ok(
        post('ops', id, 'invoices', { invoiceId: 'ops-1', amount: eur(100_000), dueDate: '2026-09-30' }),
      );
    });

    it('any manager may work a contract', async () => {
      await ok(post('wes', id, 'risks', { riskId: 'wes-1', title: 'currency exposure', severity: 'medium' }));
    });

    it('only managers reassign the triangle; only triangle members vote', async () => {
      const before = await revision(id);
      await refused(
        post('ann', id, 'triangle/reassign', { role: 'FR', to: 'ann', reason: 'x' }),
        'managersOnly',
        403,
      );
      expect(
        await post('bob', id, 'triangle/reassign', { role: 'FR', to: 'nobody', reason: 'x' }),
      ).toMatchObject({ status: 400 });
      await refused(vote('cy', id, 'SR'), 'triangleMembersVote', 403);
      await refused(vote('root', id, 'SR'), 'triangleMembersVote', 403);
      await refused(vote('ann', id, 'AR'), 'transitionNotAllowed');
      expect(await revision(id)).toBe(before);
    });

    it('a rep voting as SR without being SR is refused with the rule', async () => {
      await wonContract(as, 'c-vote');
      await ok(post('ann', 'c-vote', 'confirm', { poNumber: 'PO-v', confirmedAmount: eur(1_000_000) }));
      await ok(post('ann', 'c-vote', 'gates/deliveryHandover/review'));
      const before = await revision('c-vote');
      await refused(vote('ann', 'c-vote', 'SR'), 'voterHoldsRole', 403);
      await refused(vote('fay', 'c-vote', 'SR'), 'voterHoldsRole', 403);
      expect(await revision('c-vote')).toBe(before);
      await ok(
        post('bob', 'c-vote', 'triangle/reassign', { role: 'SR', to: 'fay', reason: 'Sam moved teams' }),
      );
      await ok(vote('fay', 'c-vote', 'SR'));
      await refused(vote('sam', 'c-vote', 'SR'), 'triangleMembersVote', 403);
    });

    it('hides contracts from another team, shows them to ops', async () => {
      expect((await as('cy', 'GET', `/api/contracts/${id}`)).status).toBe(404);
      expect((await as('ops', 'GET', `/api/contracts/${id}`)).status).toBe(200);
      const mine = (await as('fay', 'GET', `/api/contracts/${id}`)).body['allowed'] as string[];
      expect(mine).toEqual(expect.arrayContaining(['CompleteDeliveryMilestone', 'IssueInvoice']));
      expect(mine).not.toContain('ReassignIronTriangleRole');
      const ops = (await as('ops', 'GET', `/api/contracts/${id}`)).body['allowed'] as string[];
      expect(ops).toEqual(expect.arrayContaining(['IssueInvoice', 'RecordPayment', 'WriteOffInvoice']));
      expect(ops).not.toContain('CompleteDeliveryMilestone');
    });
  });

  describe('bad input: a clear 400 or 404 and the stream unchanged', () => {
    const id = 'c-bad';
    beforeAll(() => toDelivery(id));

    it.each([
      ['a missing amount', '', { ...open('c-bad-1'), amount: undefined }, 'amount'],
      ['an extra field', '', { ...open('c-bad-1'), discount: 5 }, 'discount'],
      ['a missing triangle', '', { ...open('c-bad-1'), triangle: undefined }, 'triangle'],
      ['a negative amount', '', open('c-bad-1', { amount: eur(-5) }), 'amount.amountMinor'],
      ['a huge amount', '', open('c-bad-1', { amount: eur(2 ** 60) }), 'amount.amountMinor'],
      [
        'a negative invoice',
        'invoices',
        { invoiceId: 'i', amount: eur(-1), dueDate: '2026-09-30' },
        'amount.amountMinor',
      ],
      [
        'a fractional invoice',
        'invoices',
        { invoiceId: 'i', amount: eur(10.5), dueDate: '2026-09-30' },
        'amount.amountMinor',
      ],
      ['a bad due date', 'invoices', { invoiceId: 'i', amount: eur(1), dueDate: 'soon' }, 'dueDate'],
      [
        'a bad invoice id',
        'payments',
        { invoiceId: 'inv 1', amount: eur(1), receivedOn: today() },
        'invoiceId',
      ],
      [
        'a string amount',
        'payments',
        { invoiceId: 'inv-1', amount: { amountMinor: '1', currency: 'EUR' }, receivedOn: today() },
        'amount.amountMinor',
      ],
      ['a missing reason', 'write-offs', { invoiceId: 'inv-1' }, 'reason'],
      [
        'an unknown change kind',
        'changes',
        { kind: 'whim', amountDelta: eur(1), scope: 's', reason: 'r' },
        'kind',
      ],
      [
        'a huge change',
        'changes',
        { kind: 'prospective', amountDelta: eur(-(2 ** 60)), scope: 's', reason: 'r' },
        'amountDelta.amountMinor',
      ],
      ['an unknown severity', 'risks', { riskId: 'r', title: 't', severity: 'apocalyptic' }, 'severity'],
      [
        'an unknown outcome',
        'disputes/resolutions',
        { disputeId: 'd', outcome: 'coin-toss', amountImpact: eur(0) },
        'outcome',
      ],
      ['an opportunity gate', 'gates/quoteReview/review', {}, 'gate'],
      [
        'a satisfaction of zero',
        'evaluate',
        { customerSatisfaction: 0, successCriteriaMet: true },
        'customerSatisfaction',
      ],
      [
        'a string for a boolean',
        'evaluate',
        { customerSatisfaction: 3, successCriteriaMet: 'yes' },
        'successCriteriaMet',
      ],
      ['an extra field on close', 'close', { force: true }, 'force'],
    ])('%s', async (_label, verb, body, field) => {
      const before = await revision(id);
      const path = verb === '' ? '/api/contracts' : `/api/contracts/${id}/${verb}`;
      const answer = await as('bob', 'POST', path, body);
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
      expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await revision(id)).toBe(before);
      expect((await as('root', 'GET', '/api/contracts/c-bad-1')).status).toBe(404);
    });

    it('answers unknown contracts with 404 and malformed ids and JSON with 400', async () => {
      expect(
        await post('bob', 'no-such-contract', 'confirm', { poNumber: 'x', confirmedAmount: eur(1) }),
      ).toMatchObject({
        status: 404,
        body: { code: 'STREAM_NOT_FOUND' },
      });
      expect((await as('bob', 'GET', '/api/contracts/no-such-contract')).status).toBe(404);
      expect((await post('bob', 'bad%20id', 'close', {})).status).toBe(400);
      const malformed = await call(api.url, 'POST', `/api/contracts/${id}/invoices`, {
        key: keys.bob,
        raw: '{"invoiceId":',
      });
      expect(malformed).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
    });
  });

  it('30 parallel invoices never bill more than the contract amount, and none is lost or doubled', async () => {
    const id = 'c-race';
    await toDelivery(id);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        as(
          'ops',
          'POST',
          `/api/contracts/${id}/invoices`,
          { invoiceId: `r-${i}`, amount: eur(100_000), dueDate: '2026-12-31' },
          { 'Idempotency-Key': `race-${id}-${i}` },
        ),
      ),
    );
    const accepted = answers.filter((a) => a.status === 200);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(a.body['code'] === 'CONCURRENCY' || a.body['rule'] === 'invoiceWithinContractAmount').toBe(true);
    }
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThanOrEqual(10);
    const events = await history(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    const invoices = events.filter((e) => e.type === 'InvoiceIssued');
    expect(invoices).toHaveLength(accepted.length);
    expect(new Set(invoices.map((e) => e.data['invoiceId'])).size).toBe(accepted.length);
    const context = (await view(id))['context'] as { invoices: Record<string, unknown> };
    expect(Object.keys(context.invoices)).toHaveLength(accepted.length);
  });
});
