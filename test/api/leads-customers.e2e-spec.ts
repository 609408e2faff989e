import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { startSession, type As } from '../support/session';
import { nowIso, type Body } from '../support/fixtures';
import type { Person } from '../support/team';

/** A touch note at the 2,000-character limit, with characters outside the BMP (two UTF-16 units each). */
const LONG_NOTE = [...`met the CIO: ${'🙂 next steps agreed. '.repeat(120)}`].slice(0, 2_000).join('');

const BANT = {
  budget: {
    amount: { amountMinor: 120_000_00, currency: 'EUR' },
    paymentTerms: '30% on signing, 70% on acceptance',
  },
  authority: {
    decisionProcess: 'steering committee',
    keyPerson: 'Li Wei (CIO)',
    decisionMaker: 'Zhang Min (CFO)',
  },
  need: {
    realNeed: 'replace storage before the audit',
    supplierQualification: 'ISO 27001',
    productStandards: 'NVMe',
    deliveryStandards: 'six weeks from PO',
  },
  time: { projectApprovalDate: '2026-04-01', needFoundDate: '2026-02-15', decisionDate: '2026-05-30' },
  grade: 'hot',
};

describe('leads and customers over HTTP', () => {
  let api: ApiProcess;
  let keys: Record<Person, string>;
  let as: As;
  let leadId: string;
  /** When the lead's touch happened (its business time), which the customer's last touch mirrors. */
  let touchedAt = '';

  beforeAll(async () => {
    ({ api, keys, as } = await startSession());
  });
  afterAll(() => api.stop());

  const revision = async (kind: string, id: string) =>
    (await as('root', 'GET', `/api/${kind}/${id}`)).body['revision'];

  it('refuses calls without a valid API key', async () => {
    expect((await call(api.url, 'GET', '/api/leads')).status).toBe(401);
    const bad = await call(api.url, 'GET', '/api/leads', { key: 'ltc_0000000000000000_' + 'x'.repeat(43) });
    expect(bad).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('registers and claims a customer; a second claim is refused by the pool rules', async () => {
    const registered = await as('ann', 'POST', '/api/customers', {
      customerId: 'acme',
      name: 'ACME',
      segment: 'strategic',
    });
    expect(registered).toMatchObject({ status: 200, body: { id: 'acme', state: 'publicPool', revision: 0 } });
    expect((await as('ann', 'POST', '/api/customers/acme/claim', {})).body).toMatchObject({ state: 'owned' });
    const stolen = await as('cy', 'POST', '/api/customers/acme/claim', {});
    expect(stolen).toMatchObject({ status: 409, body: { code: 'COMMAND_REFUSED', state: 'owned' } });
  });

  it('captures a lead once per Idempotency-Key', async () => {
    const body = {
      customerId: 'acme',
      source: 'salon',
      title: 'Storage refresh',
      contact: { name: 'Li Wei', email: 'li.wei@example.com' },
      estimatedAmount: { amountMinor: 100_000_00, currency: 'EUR' },
    };
    const first = await as('ann', 'POST', '/api/leads', body, { 'Idempotency-Key': 'capture-acme-0001' });
    expect(first).toMatchObject({ status: 200, body: { state: 'new', revision: 0, duplicate: false } });
    leadId = String(first.body['id']);
    const again = await as('ann', 'POST', '/api/leads', body, { 'Idempotency-Key': 'capture-acme-0001' });
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(await revision('leads', leadId)).toBe(0);
  });

  it('lets only the owner side work the customer: B may not follow A', async () => {
    const body = {
      customerId: 'acme',
      source: 'referral',
      title: 'x',
      contact: { name: 'y' },
      estimatedAmount: { amountMinor: 1, currency: 'EUR' },
    };
    const capture = await as('cy', 'POST', '/api/leads', body);
    expect(capture).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', rule: 'customerOwnedByAnother' },
    });
    const touch = await as('cy', 'POST', `/api/leads/${leadId}/touches`, {
      channel: 'call',
      note: 'hi',
      touchedAt: nowIso(),
    });
    expect(touch.status).toBe(403);
    expect(await revision('leads', leadId)).toBe(0);
  });

  it('lets only managers assign, and only to known users', async () => {
    expect(await as('ann', 'POST', `/api/leads/${leadId}/assign`, { owner: 'ann' })).toMatchObject({
      status: 403,
      body: { rule: 'managersOnly' },
    });
    expect((await as('bob', 'POST', `/api/leads/${leadId}/assign`, { owner: 'nobody' })).status).toBe(400);
    expect((await as('bob', 'POST', `/api/leads/${leadId}/assign`, { owner: 'ann' })).status).toBe(200);
  });

  it('works a lead from touch to conversion and tells the caller what comes next', async () => {
    touchedAt = nowIso();
    const touch = await as('ann', 'POST', `/api/leads/${leadId}/touches`, {
      channel: 'visit',
      note: LONG_NOTE,
      touchedAt,
    });
    expect(touch.status).toBe(200);
    const qualified = await as('ann', 'POST', `/api/leads/${leadId}/qualify`, BANT);
    expect(qualified).toMatchObject({ status: 200, body: { state: 'qualified' } });
    expect(qualified.body['allowed']).toContain('ConvertLead');
    const view = await as('ann', 'GET', `/api/leads/${leadId}`);
    expect(view.body).toMatchObject({
      state: 'qualified',
      revision: 3,
      context: { owner: 'ann', customerId: 'acme' },
    });
    expect(view.body['allowed']).toEqual(expect.arrayContaining(['ConvertLead', 'DisqualifyLead']));
    expect(view.body['allowed']).not.toContain('AssignLead');
    const converted = await as('ann', 'POST', `/api/leads/${leadId}/convert`, {
      opportunityId: 'opp-acme-1',
    });
    expect(converted).toMatchObject({ status: 200, body: { state: 'converted' } });
  });

  it("opens the converted lead's opportunity through the process manager, caused by the conversion", async () => {
    const opportunity = await eventually(async () => {
      const answer = await as('ann', 'GET', '/api/opportunities/opp-acme-1');
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(opportunity).toMatchObject({
      state: 'open.opened',
      context: { customerId: 'acme', owner: 'ann', amount: { amountMinor: 120_000_00, currency: 'EUR' } },
    });
    const leadEvents = (await as('ann', 'GET', `/api/leads/${leadId}/history`)).body['events'] as {
      id: string;
      type: string;
    }[];
    const converted = leadEvents.find((e) => e.type === 'LeadConverted')!;
    const history = (await as('ann', 'GET', '/api/opportunities/opp-acme-1/history')).body['events'] as {
      metadata: Record<string, unknown>;
    }[];
    expect(history[0]?.metadata).toMatchObject({ actor: 'system', causationId: converted.id });
  });

  it("refreshes the customer's last touch when its lead is touched, and when its deal is opened", async () => {
    const touches = await eventually(async () => {
      const answer = await as('ann', 'GET', '/api/customers/acme/history?limit=1000');
      const events = (answer.body['events'] as { type: string; data: Record<string, unknown> }[]).filter(
        (e) => e.type === 'CustomerTouchRecorded',
      );
      expect(events.map((e) => e.data['note'])).toEqual([
        expect.stringMatching(/^lead /),
        'opportunity-opp-acme-1: OpportunityOpened',
      ]);
      return events.map((e) => e.data);
    });
    // The lead's note is at the 2,000-character limit: the customer's note, "lead <stream>: " before it,
    // is cut to the same limit (code points) and ends with "…", not refused (it was a dead letter).
    const note = [...String(touches[0]!['note'])];
    expect(note.length).toBe(2_000);
    expect(note.join('')).toBe(
      `lead lead-${leadId}: ${[...LONG_NOTE].slice(0, 2_000 - 1 - [...`lead lead-${leadId}: `].length).join('')}…`,
    );
    const health = (await (await fetch(`${api.url}/health`)).json()) as Body;
    expect(health['processManagers']).toMatchObject({ deadLetters: 0 });
    expect(touches[0]).toMatchObject({ touchedAt, by: 'system' });
    expect(touches[1]).toMatchObject({ channel: 'deal', by: 'system' });
    const customer = (await as('ann', 'GET', '/api/customers/acme')).body;
    expect(customer).toMatchObject({ state: 'owned', context: { lastTouchAt: touches[1]!['touchedAt'] } });
  });

  it("hides another team's leads (404) and shows the history with actors", async () => {
    expect((await as('cy', 'GET', `/api/leads/${leadId}`)).status).toBe(404);
    const history = await as('ann', 'GET', `/api/leads/${leadId}/history?limit=2`);
    expect(history.body['events']).toHaveLength(2);
    expect(history.body['nextFrom']).toBe(2);
    const all = await as('ann', 'GET', `/api/leads/${leadId}/history`);
    const events = all.body['events'] as { type: string; revision: number; metadata: { actor: string } }[];
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['LeadCaptured', 'ann'],
      ['LeadAssigned', 'bob'],
      ['LeadTouchRecorded', 'ann'],
      ['LeadQualified', 'ann'],
      ['LeadConverted', 'ann'],
    ]);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('lists the leads a caller may see, with filters', async () => {
    await new Promise((done) => setTimeout(done, 200));
    const mine = await as('ann', 'GET', '/api/leads?customerId=acme');
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: leadId, state: 'converted' }] });
    expect((await as('cy', 'GET', '/api/leads')).body).toMatchObject({ total: 0 });
    expect((await as('ann', 'GET', '/api/leads?state=new')).body).toMatchObject({ total: 0 });
  });

  describe('bad input: a clear 400 and nothing appended', () => {
    const capture = {
      customerId: 'acme',
      source: 'salon',
      title: 'Second lead',
      contact: { name: 'Li Wei' },
      estimatedAmount: { amountMinor: 500, currency: 'EUR' },
    };

    it.each([
      ['a missing field', { ...capture, title: undefined }, 'title'],
      ['an extra field', { ...capture, discount: 5 }, 'discount'],
      ['a wrong type', { ...capture, title: 42 }, 'title'],
      [
        'a negative amount',
        { ...capture, estimatedAmount: { amountMinor: -1, currency: 'EUR' } },
        'estimatedAmount.amountMinor',
      ],
      [
        'a fractional amount',
        { ...capture, estimatedAmount: { amountMinor: 1.5, currency: 'EUR' } },
        'estimatedAmount.amountMinor',
      ],
      [
        'a huge amount',
        { ...capture, estimatedAmount: { amountMinor: 2 ** 60, currency: 'EUR' } },
        'estimatedAmount.amountMinor',
      ],
      ['an unknown enum value', { ...capture, source: 'carrier-pigeon' }, 'source'],
      [
        'a bad currency',
        { ...capture, estimatedAmount: { amountMinor: 1, currency: 'euro' } },
        'estimatedAmount.currency',
      ],
    ])('%s', async (_label, body, field) => {
      const before = (await as('ann', 'GET', '/api/leads')).body['total'];
      const answer = await as('ann', 'POST', '/api/leads', body, {
        'Idempotency-Key': `bad-${field}-${Math.random()}`,
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
      expect((answer.body['errors'] as { field: string }[]).map((e) => e.field)).toContain(field);
      await new Promise((done) => setTimeout(done, 50));
      expect((await as('ann', 'GET', '/api/leads')).body['total']).toBe(before);
    });

    it('reports every invalid field at once', async () => {
      const answer = await as('ann', 'POST', `/api/leads/${leadId}/qualify`, {
        ...BANT,
        grade: 'lukewarm',
        budget: {},
      });
      const fields = (answer.body['errors'] as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['grade', 'budget.amount', 'budget.paymentTerms']));
    });

    it('answers malformed JSON with 400', async () => {
      const answer = await call(api.url, 'POST', '/api/leads', {
        key: keys.ann,
        raw: '{"customerId": "acme",',
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
    });

    it('answers unknown and malformed ids with 404 and 400', async () => {
      expect((await as('ann', 'GET', '/api/leads/no-such-lead')).status).toBe(404);
      const touch = await as('ann', 'POST', '/api/leads/no-such-lead/touches', {
        channel: 'call',
        note: 'x',
        touchedAt: nowIso(),
      });
      expect(touch).toMatchObject({ status: 404, body: { code: 'STREAM_NOT_FOUND' } });
      expect((await as('ann', 'GET', '/api/leads/bad%20id')).status).toBe(400);
    });

    it('refuses a lead for a customer that was never registered', async () => {
      const answer = await as('ann', 'POST', '/api/leads', { ...capture, customerId: 'ghost' });
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
    });
  });

  it("sweeps idle customers only on a manager's word", async () => {
    expect((await as('ann', 'POST', '/api/customers/sweep')).status).toBe(403);
    const sweep = await as('bob', 'POST', '/api/customers/sweep');
    expect(sweep).toMatchObject({ status: 200, body: { returned: [], failed: [] } });
  });
});
