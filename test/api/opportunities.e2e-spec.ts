import type { ApiProcess } from '../support/api-process';
import { call } from '../support/http';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import { eur, nowIso, TRIANGLE, type Body, type HistoryEvent } from '../support/fixtures';
import type { Person } from '../support/team';

const VALIDATION = {
  isReal: true,
  solutionFits: true,
  winProbability: 60,
  worthWinning: true,
  notes: 'budget approved',
};
const open = (opportunityId: string, extra: Body = {}) => ({
  opportunityId,
  customerId: 'acme',
  name: 'Storage refresh',
  amount: eur(10_000_000),
  expectedCloseDate: '2026-06-30',
  segment: 'strategic',
  customerType: 'new',
  owner: 'ann',
  ...extra,
});

describe('opportunities over HTTP', () => {
  let api: ApiProcess;
  let keys: Record<Person, string>;
  let as: As;

  beforeAll(async () => {
    ({ api, keys, as } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
  });
  afterAll(() => api.stop());

  const post = (who: Person, id: string, verb: string, body: unknown = {}) =>
    as(who, 'POST', `/api/opportunities/${id}/${verb}`, body);
  const view = async (id: string) => (await as('root', 'GET', `/api/opportunities/${id}`)).body;
  const revision = async (id: string) => (await view(id))['revision'];
  const history = async (id: string) =>
    (await as('root', 'GET', `/api/opportunities/${id}/history?limit=1000`)).body['events'] as HistoryEvent[];
  const vote = (who: Person, id: string, gate: string, role: string, decision = 'approve', reason?: string) =>
    post(who, id, `gates/${gate}/votes`, { role, decision, ...(reason === undefined ? {} : { reason }) });
  /** The whole triangle approves the open round of `gate`; the last vote passes it. */
  const passGate = async (id: string, gate: string, next: string) => {
    await ok(
      post('ann', id, `gates/${gate}/review`),
      `open.${gate === 'quoteReview' && next === 'open.negotiation' ? 'requoteReview' : gate}`,
    );
    await ok(vote('ann', id, gate, 'AR'));
    await ok(vote('sam', id, gate, 'SR'));
    const last = await ok(vote('fay', id, gate, 'FR'), next);
    expect((last['events'] as { type: string }[]).map((e) => e.type)).toEqual(['GateVoteCast', 'GatePassed']);
  };
  /** Open, triangle, validated and through all three gates: ready to bid. */
  const toBidReady = async (id: string) => {
    await ok(as('ann', 'POST', '/api/opportunities', open(id)), 'open.opened');
    await ok(post('bob', id, 'triangle', { triangle: TRIANGLE }));
    await ok(post('ann', id, 'validate', VALIDATION), 'open.validated');
    await passGate(id, 'opportunityApproval', 'open.preBidGuidance');
    await ok(post('sam', id, 'pre-bid-guidance', { note: 'guided the tender toward NVMe' }));
    await passGate(id, 'solutionConsensus', 'open.bidPreparation');
    await ok(post('sam', id, 'quote', { quoteReference: 'Q-1', amount: eur(9_000_000) }));
    await passGate(id, 'quoteReview', 'open.bidReady');
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
    const mine = operations.filter((o) => o.path.startsWith('/api/opportunities') && o.method === 'post');
    expect(mine.map((o) => o.id).sort()).toEqual(
      [
        'OpenOpportunity',
        'AssignIronTriangle',
        'ReassignIronTriangleRole',
        'ValidateOpportunity',
        'RecordPreBidGuidance',
        'RequestGateReview',
        'CastGateVote',
        'PrepareQuote',
        'SubmitBid',
        'RecordNegotiationRound',
        'ReviseQuote',
        'ChangeAmount',
        'ChangeExpectedCloseDate',
        'WinOpportunity',
        'LoseOpportunity',
        'AbandonOpportunity',
        'SetForecastCategory',
      ]
        .map((t) => t.charAt(0).toLowerCase() + t.slice(1))
        .sort(),
    );
  });

  describe('the happy path through every stage', () => {
    const id = 'opp-1';

    it('opens a deal for a customer the caller owns, once per Idempotency-Key', async () => {
      const first = await ok(
        as('ann', 'POST', '/api/opportunities', open(id), { 'Idempotency-Key': 'open-opp-1-0001' }),
        'open.opened',
      );
      expect(first).toMatchObject({ id, streamId: `opportunity-${id}`, revision: 0, duplicate: false });
      const again = await as('ann', 'POST', '/api/opportunities', open(id), {
        'Idempotency-Key': 'open-opp-1-0001',
      });
      expect(again.body).toEqual({ ...first, duplicate: true });
      const twice = await as('ann', 'POST', '/api/opportunities', open(id));
      expect(twice).toMatchObject({ status: 409, body: { code: 'COMMAND_REFUSED' } });
      expect(await revision(id)).toBe(0);
    });

    it('derives the id from the Idempotency-Key when the body has none', async () => {
      const body = { ...open('x'), opportunityId: undefined };
      const first = await ok(
        as('ann', 'POST', '/api/opportunities', body, { 'Idempotency-Key': 'open-derived-0001' }),
      );
      const again = await ok(
        as('ann', 'POST', '/api/opportunities', body, { 'Idempotency-Key': 'open-derived-0001' }),
      );
      expect(first['id']).toMatch(/^[0-9a-f]{20}$/);
      expect(again).toMatchObject({ id: first['id'], duplicate: true });
    });

    it('lets a manager assign the triangle, to known users only', async () => {
      const unknown = await post('bob', id, 'triangle', { triangle: { ...TRIANGLE, FR: 'nobody' } });
      expect(unknown).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
      await ok(post('bob', id, 'triangle', { triangle: TRIANGLE }), 'open.opened');
      expect((await view(id))['context']).toMatchObject({ triangle: TRIANGLE, owner: 'ann' });
    });

    it('validates, then runs the opportunity approval gate: a rejection, a resubmission, a pass', async () => {
      await ok(post('ann', id, 'validate', VALIDATION), 'open.validated');
      await ok(post('ann', id, 'gates/opportunityApproval/review'), 'open.opportunityApproval');
      await ok(vote('ann', id, 'opportunityApproval', 'AR'));
      const noReason = await vote('fay', id, 'opportunityApproval', 'FR', 'reject');
      expect(noReason).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
      const rejected = await ok(
        vote('fay', id, 'opportunityApproval', 'FR', 'reject', 'no delivery capacity in Q2'),
        'open.validated',
      );
      expect((rejected['events'] as { type: string }[]).map((e) => e.type)).toEqual([
        'GateVoteCast',
        'GateRejected',
      ]);
      expect((await view(id))['context']).toMatchObject({
        gates: {
          results: {
            opportunityApproval: { round: 1, outcome: 'rejected', reasons: [{ role: 'FR', voter: 'fay' }] },
          },
        },
      });
      await passGate(id, 'opportunityApproval', 'open.preBidGuidance');
      expect((await view(id))['context']).toMatchObject({
        gates: { results: { opportunityApproval: { round: 2, outcome: 'passed' } } },
      });
    });

    it('passes solution consensus after pre-bid guidance, and quote review on a prepared quote', async () => {
      const early = await post('ann', id, 'gates/solutionConsensus/review');
      expect(early).toMatchObject({
        status: 409,
        body: { code: 'COMMAND_REFUSED', rule: 'preBidGuidanceRecorded' },
      });
      await ok(
        post('sam', id, 'pre-bid-guidance', { note: 'guided the tender toward NVMe' }),
        'open.preBidGuidance',
      );
      await passGate(id, 'solutionConsensus', 'open.bidPreparation');
      await ok(
        post('sam', id, 'quote', { quoteReference: 'Q-1', amount: eur(9_000_000) }),
        'open.bidPreparation',
      );
      await passGate(id, 'quoteReview', 'open.bidReady');
    });

    it('bids at the approved price, never below it', async () => {
      const below = await post('ann', id, 'bid', {
        quoteReference: 'Q-1',
        amount: eur(8_000_000),
        validUntil: '2099-12-31',
      });
      expect(below).toMatchObject({
        status: 409,
        body: { rule: 'bidNotBelowApprovedQuote', state: 'open.bidReady' },
      });
      await ok(
        post('ann', id, 'bid', { quoteReference: 'Q-1', amount: eur(9_000_000), validUntil: '2099-12-31' }),
        'open.bidSubmitted',
      );
    });

    it('negotiates; a revised quote below the threshold goes back to quote review before the win', async () => {
      const round = await ok(
        post('ann', id, 'negotiation-rounds', { situation: 'win-win', priceChange: eur(-100_000) }),
        'open.negotiation',
      );
      expect((round['events'] as { type: string }[]).map((e) => e.type)).toEqual([
        'NegotiationRoundRecorded',
        'QuoteRevised',
      ]);
      const revised = await ok(
        post('ann', id, 'quote/revise', { amount: eur(8_000_000), reason: 'multi-year discount' }),
        'open.negotiation',
      );
      expect((revised['events'] as { data: Body }[])[0]?.data).toMatchObject({
        requiresReview: true,
        reviewedAmount: eur(9_000_000),
      });
      const tooEarly = await post('ann', id, 'win', {
        contractId: 'c-1',
        signedAmount: eur(8_000_000),
        signedAt: nowIso(),
      });
      expect(tooEarly).toMatchObject({
        status: 409,
        body: { code: 'COMMAND_REFUSED', rule: 'quoteApproved' },
      });
      await passGate(id, 'quoteReview', 'open.negotiation');
    });

    it('moves the amount and the close date, then wins', async () => {
      await ok(post('ann', id, 'amount', { amount: eur(8_000_000), reason: 'matches the revised quote' }));
      const same = await post('ann', id, 'amount', { amount: eur(8_000_000) });
      expect(same).toMatchObject({ status: 409, body: { rule: 'amountDiffers' } });
      await ok(post('ann', id, 'expected-close-date', { expectedCloseDate: '2026-07-15' }));
      const won = await ok(
        post('ann', id, 'win', {
          contractId: 'c-1',
          signedAmount: eur(8_000_000),
          signedAt: nowIso(),
        }),
        'won',
      );
      expect(won['allowed']).toEqual([]);
      expect((await view(id))['context']).toMatchObject({ outcome: { kind: 'won', contractId: 'c-1' } });
    });

    it('keeps the whole history in order, with the actors', async () => {
      const events = await history(id);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      const types = events.map((e) => e.type);
      expect(types[0]).toBe('OpportunityOpened');
      expect(types.at(-1)).toBe('OpportunityWon');
      expect(types.filter((t) => t === 'GatePassed')).toHaveLength(4);
      expect(types.filter((t) => t === 'GateRejected')).toHaveLength(1);
      expect(events.find((e) => e.type === 'IronTriangleAssigned')?.metadata.actor).toBe('bob');
      const voters = events
        .filter((e) => e.type === 'GateVoteCast')
        .map((e) => [e.data['role'], e.metadata.actor]);
      expect(new Set(voters.map((v) => v.join(':')))).toEqual(new Set(['AR:ann', 'SR:sam', 'FR:fay']));
    });
  });

  describe('other endings', () => {
    it('loses a deal after the bid, with the competitor and the stage', async () => {
      await toBidReady('opp-lost');
      await ok(
        post('ann', 'opp-lost', 'bid', {
          quoteReference: 'Q-1',
          amount: eur(9_000_000),
          validUntil: '2099-12-31',
        }),
      );
      const lost = await ok(
        post('ann', 'opp-lost', 'lose', { reason: 'price', competitor: 'Globex' }),
        'lost',
      );
      expect((lost['events'] as { data: Body }[])[0]?.data).toMatchObject({
        competitor: 'Globex',
        stage: 'open.bidSubmitted',
      });
    });

    it('abandons a deal in a gate round; lost is only for deals that bid', async () => {
      await ok(as('ann', 'POST', '/api/opportunities', open('opp-gone')));
      const lose = await post('ann', 'opp-gone', 'lose', { reason: 'no budget' });
      expect(lose).toMatchObject({ status: 409, body: { rule: 'transitionNotAllowed' } });
      await ok(post('ann', 'opp-gone', 'abandon', { reason: 'budget frozen' }), 'abandoned');
    });
  });

  describe('who may do what: 403 with the rule, nothing appended', () => {
    const id = 'opp-auth';
    beforeAll(async () => {
      await ok(as('ann', 'POST', '/api/opportunities', open(id)));
      await ok(post('bob', id, 'triangle', { triangle: TRIANGLE }));
      await ok(post('ann', id, 'validate', VALIDATION));
    });

    it("B may not work A's customer", async () => {
      expect(await as('cy', 'POST', '/api/opportunities', open('opp-cy', { owner: 'cy' }))).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN', rule: 'customerOwnedByAnother' },
      });
      expect((await as('root', 'GET', '/api/opportunities/opp-cy')).status).toBe(404);
      const before = await revision(id);
      expect(await post('cy', id, 'expected-close-date', { expectedCloseDate: '2026-12-31' })).toMatchObject({
        status: 403,
      });
      expect(await post('cy', id, 'abandon', { reason: 'mine now' })).toMatchObject({
        status: 403,
        body: { rule: 'customerOwnedByAnother' },
      });
      expect(await revision(id)).toBe(before);
    });

    it('a rep opens deals for themself; the manager for their reps', async () => {
      expect(
        await as('ann', 'POST', '/api/opportunities', open('opp-for-sam', { owner: 'sam' })),
      ).toMatchObject({
        status: 403,
        body: { rule: 'ownerIsSelfOrReport' },
      });
      await ok(as('bob', 'POST', '/api/opportunities', open('opp-for-sam', { owner: 'sam' })));
    });

    it('hides the deal from another team', async () => {
      expect((await as('cy', 'GET', `/api/opportunities/${id}`)).status).toBe(404);
      expect((await as('sam', 'GET', `/api/opportunities/${id}`)).status).toBe(200);
    });

    it('only managers assign or reassign the triangle', async () => {
      const before = await revision(id);
      expect(await post('ann', id, 'triangle', { triangle: TRIANGLE })).toMatchObject({
        status: 403,
        body: { rule: 'managersOnly' },
      });
      expect(
        await post('ann', id, 'triangle/reassign', { role: 'FR', to: 'ann', reason: 'x' }),
      ).toMatchObject({
        status: 403,
        body: { rule: 'managersOnly' },
      });
      expect(
        await post('bob', id, 'triangle/reassign', { role: 'FR', to: 'nobody', reason: 'x' }),
      ).toMatchObject({ status: 400 });
      expect(
        await post('bob', id, 'triangle/reassign', { role: 'FR', to: 'fay', reason: 'x' }),
      ).toMatchObject({
        status: 409,
        body: { rule: 'holderChanges' },
      });
      expect(await revision(id)).toBe(before);
    });

    it('a vote only from the holder of the role: others get 403 or 409 with the rule', async () => {
      await ok(post('ann', id, 'gates/opportunityApproval/review'), 'open.opportunityApproval');
      const before = await revision(id);
      expect(await vote('cy', id, 'opportunityApproval', 'SR')).toMatchObject({
        status: 403,
        body: { rule: 'triangleMembersVote' },
      });
      expect(await vote('bob', id, 'opportunityApproval', 'SR')).toMatchObject({
        status: 403,
        body: { rule: 'triangleMembersVote' },
      });
      expect(await vote('ann', id, 'opportunityApproval', 'SR')).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN', rule: 'voterHoldsRole' },
      });
      expect(await revision(id)).toBe(before);
      await ok(vote('ann', id, 'opportunityApproval', 'AR'));
      expect(await vote('ann', id, 'opportunityApproval', 'AR')).toMatchObject({
        status: 409,
        body: { rule: 'roleHasNotVoted' },
      });
    });

    it('a reassigned role moves the vote to its new holder', async () => {
      await ok(post('bob', id, 'triangle/reassign', { role: 'FR', to: 'sam', reason: 'Fay is on leave' }));
      expect(await vote('fay', id, 'opportunityApproval', 'FR')).toMatchObject({
        status: 403,
        body: { rule: 'triangleMembersVote' },
      });
      await ok(vote('sam', id, 'opportunityApproval', 'SR'));
      await ok(vote('sam', id, 'opportunityApproval', 'FR'), 'open.preBidGuidance');
    });

    it('tells each caller only the commands they may send', async () => {
      const mine = (await as('ann', 'GET', `/api/opportunities/${id}`)).body['allowed'] as string[];
      expect(mine).toEqual(expect.arrayContaining(['RecordPreBidGuidance', 'AbandonOpportunity']));
      expect(mine).not.toContain('AssignIronTriangle');
      expect((await as('bob', 'GET', `/api/opportunities/${id}`)).body['allowed']).toContain(
        'ReassignIronTriangleRole',
      );
    });
  });

  describe('bad input: a clear 400 or 404 and the stream unchanged', () => {
    const id = 'opp-bad';
    beforeAll(async () => {
      await toBidReady(id);
    });

    it.each([
      ['a missing field', '', { ...open('opp-bad-1'), name: undefined }, 'name'],
      ['an extra field', '', { ...open('opp-bad-1'), discount: 5 }, 'discount'],
      ['a wrong type', '', { ...open('opp-bad-1'), name: 42 }, 'name'],
      ['a missing amount', '', { ...open('opp-bad-1'), amount: undefined }, 'amount'],
      ['a negative amount', '', open('opp-bad-1', { amount: eur(-1) }), 'amount.amountMinor'],
      ['a huge amount', '', open('opp-bad-1', { amount: eur(2 ** 60) }), 'amount.amountMinor'],
      ['a fractional amount', '', open('opp-bad-1', { amount: eur(0.5) }), 'amount.amountMinor'],
      ['an unknown segment', '', open('opp-bad-1', { segment: 'galactic' }), 'segment'],
      ['a bad date', '', open('opp-bad-1', { expectedCloseDate: '30/06/2026' }), 'expectedCloseDate'],
      ['a bad id', '', open('bad id'), 'opportunityId'],
      [
        'an unknown situation',
        'negotiation-rounds',
        { situation: 'win-win-win', priceChange: eur(0) },
        'situation',
      ],
      [
        'a huge price change',
        'negotiation-rounds',
        { situation: 'delay', priceChange: eur(-(2 ** 60)) },
        'priceChange.amountMinor',
      ],
      ['an unknown role', 'gates/quoteReview/votes', { role: 'XR', decision: 'approve' }, 'role'],
      ['an unknown decision', 'gates/quoteReview/votes', { role: 'AR', decision: 'maybe' }, 'decision'],
      ['an unknown gate', 'gates/finalBoss/review', {}, 'gate'],
      ['a gate of another workflow', 'gates/deliveryHandover/review', {}, 'gate'],
      ['an extra field on a gate request', 'gates/quoteReview/review', { urgent: true }, 'urgent'],
      ['a win probability over 100', 'validate', { ...VALIDATION, winProbability: 101 }, 'winProbability'],
      ['a string for a boolean', 'validate', { ...VALIDATION, isReal: 'yes' }, 'isReal'],
      ['a bad instant', 'win', { signedAmount: eur(1), signedAt: 'yesterday' }, 'signedAt'],
      ['a triangle without FR', 'triangle', { triangle: { AR: 'ann', SR: 'sam' } }, 'triangle.FR'],
      [
        'a bid without the quote',
        'bid',
        { amount: eur(9_000_000), validUntil: '2099-12-31' },
        'quoteReference',
      ],
    ])('%s', async (_label, verb, body, field) => {
      const before = await revision(id);
      const path = verb === '' ? '/api/opportunities' : `/api/opportunities/${id}/${verb}`;
      const answer = await as('ann', 'POST', path, body);
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
      expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await revision(id)).toBe(before);
      expect((await as('root', 'GET', '/api/opportunities/opp-bad-1')).status).toBe(404);
    });

    it('refuses a bid that expired before it was sent, and a foreign currency', async () => {
      const before = await revision(id);
      const expired = await post('ann', id, 'bid', {
        quoteReference: 'Q-1',
        amount: eur(9_000_000),
        validUntil: '2001-01-01',
      });
      expect(expired).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
      const usd = await post('ann', id, 'bid', {
        quoteReference: 'Q-1',
        amount: { amountMinor: 9_000_000, currency: 'USD' },
        validUntil: '2099-12-31',
      });
      expect(usd).toMatchObject({ status: 409, body: { rule: 'currencyMatches' } });
      expect(await revision(id)).toBe(before);
    });

    it('answers unknown deals with 404 and malformed ids and JSON with 400', async () => {
      expect(await post('ann', 'no-such-deal', 'validate', VALIDATION)).toMatchObject({
        status: 404,
        body: { code: 'STREAM_NOT_FOUND' },
      });
      expect((await as('ann', 'GET', '/api/opportunities/no-such-deal')).status).toBe(404);
      expect((await post('ann', 'bad%20id', 'validate', VALIDATION)).status).toBe(400);
      const malformed = await call(api.url, 'POST', `/api/opportunities/${id}/validate`, {
        key: keys.ann,
        raw: '{"isReal": tru',
      });
      expect(malformed).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
    });

    it('refuses a deal for a customer that was never registered', async () => {
      expect(
        await as('bob', 'POST', '/api/opportunities', open('opp-ghost', { customerId: 'ghost' })),
      ).toMatchObject({
        status: 400,
        body: { code: 'INVALID_COMMAND' },
      });
    });
  });

  it('50 parallel amount changes: each accepted one is exactly one event, the rest 409 CONCURRENCY (or retried into success)', async () => {
    const id = 'opp-race';
    await ok(as('ann', 'POST', '/api/opportunities', open(id)));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        as(
          'ann',
          'POST',
          `/api/opportunities/${id}/amount`,
          { amount: eur(20_000_000 + i) },
          { 'Idempotency-Key': `race-${id}-${i}` },
        ),
      ),
    );
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    for (const a of refused) expect(a).toMatchObject({ status: 409, body: { code: 'CONCURRENCY' } });
    expect(accepted.length).toBeGreaterThan(0);

    const events = await history(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    const changes = events.filter((e) => e.type === 'OpportunityAmountChanged');
    expect(changes).toHaveLength(accepted.length);
    expect(new Set(changes.map((e) => e.metadata.commandId)).size).toBe(accepted.length);
    expect(new Set(accepted.map((a) => a.body['revision']))).toEqual(new Set(changes.map((e) => e.revision)));
    // Each answer's event is the stored one, with the amount that request asked for.
    for (const a of accepted) {
      const [event] = a.body['events'] as HistoryEvent[];
      expect(changes.find((e) => e.revision === event?.revision)?.data['amount']).toEqual(
        event?.data['amount'],
      );
    }
    expect(events).toHaveLength(1 + accepted.length);
    const last = changes.at(-1)?.data['amount'];
    expect((await view(id))['context']).toMatchObject({ amount: last });

    // The same keys again, in parallel: the accepted ones answer as before and nothing is appended.
    const replayed = await Promise.all(
      accepted.map((a) => {
        const [event] = a.body['events'] as HistoryEvent[];
        const i = Number(event?.metadata.commandId.slice(`race-${id}-`.length));
        return as(
          'ann',
          'POST',
          `/api/opportunities/${id}/amount`,
          { amount: eur(20_000_000 + i) },
          { 'Idempotency-Key': `race-${id}-${i}` },
        );
      }),
    );
    for (const [i, r] of replayed.entries())
      expect(r.body).toEqual({ ...accepted[i]?.body, duplicate: true });
    expect(await history(id)).toHaveLength(events.length);
  });
});
