import type { ApiProcess } from '../support/api-process';
import { eur, nowIso } from '../support/fixtures';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import type { Person } from '../support/team';

/** What the api answers is the same contract everywhere: commands, refusals, queries and audit. */
describe('consistent answers over HTTP', () => {
  let api: ApiProcess;
  let as: As;
  let keys: Record<Person, string>;
  let leadId = '';

  beforeAll(async () => {
    ({ api, as, keys } = await startSession());
    await ownedCustomer(as, 'ann', 'acme');
    const lead = await ok(
      as('ann', 'POST', '/api/leads', {
        customerId: 'acme',
        source: 'event',
        title: 'Storage refresh',
        contact: { name: 'Li', email: 'li@acme.example' },
        estimatedAmount: eur(100_000_00),
      }),
      'new',
    );
    leadId = String(lead['id']);
  });
  afterAll(() => api.stop());

  const allowedOnGet = async (who: 'ann' | 'bob', path: string) =>
    (await as(who, 'GET', path)).body['allowed'] as string[];

  it("offers in a command's answer only the commands the caller may send, as GET does", async () => {
    const touch = { channel: 'call', note: 'first call', touchedAt: nowIso() };
    const answer = await ok(as('ann', 'POST', `/api/leads/${leadId}/touches`, touch));
    expect(answer['allowed']).not.toContain('AssignLead');
    expect(answer['allowed']).toEqual(await allowedOnGet('ann', `/api/leads/${leadId}`));
    const managers = await ok(
      as('bob', 'POST', `/api/leads/${leadId}/touches`, { ...touch, note: 'second' }),
    );
    expect(managers['allowed']).toContain('AssignLead');
    expect(managers['allowed']).toEqual(await allowedOnGet('bob', `/api/leads/${leadId}`));
  });

  it('offers in a 409 only the commands the caller may send', async () => {
    const again = await as('ann', 'POST', '/api/customers/acme/claim', {});
    expect(again).toMatchObject({ status: 409, body: { code: 'COMMAND_REFUSED', state: 'owned' } });
    const allowed = again.body['allowed'] as string[];
    expect(allowed).not.toContain('TransferCustomer');
    expect(allowed).not.toContain('ReturnCustomerToPublicPool');
    expect(allowed).toEqual(await allowedOnGet('ann', '/api/customers/acme'));
    const managers = await as('bob', 'POST', '/api/customers/acme/claim', {});
    expect(managers.body['allowed']).toEqual(
      expect.arrayContaining(['TransferCustomer', 'ReturnCustomerToPublicPool']),
    );
  });

  it('says that a customer registered again already exists', async () => {
    const again = await as('ann', 'POST', '/api/customers', {
      customerId: 'acme',
      name: 'ACME',
      segment: 'strategic',
    });
    expect(again).toMatchObject({
      status: 409,
      body: {
        code: 'COMMAND_REFUSED',
        rule: 'alreadyExists',
        state: 'owned',
        message: expect.stringContaining('customer-acme already exists'),
      },
    });
  });

  it('answers the audit routes for a deal named by its kind and id, as by its stream', async () => {
    for (const [kind, id, stream] of [
      ['customers', 'acme', 'customer-acme'],
      ['leads', leadId, `lead-${leadId}`],
    ] as const) {
      const byKind = await ok(as('root', 'GET', `/api/audit/${kind}/${id}/timeline`));
      expect(byKind).toEqual(await ok(as('root', 'GET', `/api/audit/${stream}/timeline`)));
      expect((byKind['entries'] as unknown[]).length).toBeGreaterThan(0);
      expect(await ok(as('root', 'GET', `/api/audit/${kind}/${id}/verify`))).toEqual(
        await ok(as('root', 'GET', `/api/audit/${stream}/verify`)),
      );
      const csv = await fetch(`${api.url}/api/audit/${kind}/${id}/export?format=csv`, {
        headers: { authorization: `Bearer ${keys.root}` },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-disposition')).toContain(`${stream}.csv`);
    }
    expect((await as('root', 'GET', '/api/audit/widgets/acme/timeline')).status).toBe(400);
    expect((await as('root', 'GET', '/api/audit/customers/nobody/timeline')).status).toBe(404);
  });

  it('answers as-of queries for many distinct instants, however many replays the cache has dropped', async () => {
    const statuses: number[] = [];
    for (let day = 1; day <= 10; day++) {
      const asOf = `2026-01-${String(day).padStart(2, '0')}T12:00:00Z`;
      for (const path of ['/api/funnel', '/api/win-rates', '/api/activity']) {
        statuses.push((await as('root', 'GET', `${path}?asOf=${asOf}`)).status);
      }
    }
    // The same instants again, now answered from replays evicted and made anew.
    const again = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(
        async (day) => (await as('root', 'GET', `/api/funnel?asOf=2026-01-0${day}`)).status,
      ),
    );
    expect([...statuses, ...again]).toEqual([...statuses, ...again].map(() => 200));
  });
});
