import type { ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { eur, INCENTIVE_TERMS, TRIANGLE } from '../support/fixtures';
import { startSession, type As } from '../support/session';
import type { Person } from '../support/team';

/** One command sent over HTTP: the route as the OpenAPI document names it, with its id filled in. */
type Row = Readonly<{ route: string; who: Person; id?: string; gate?: string; body: object }>;

const BANT = {
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
};

const opportunity = (opportunityId: string) => ({
  opportunityId,
  customerId: 'acme',
  name: `deal ${opportunityId}`,
  amount: eur(500_000_00),
  expectedCloseDate: '2026-09-30',
  segment: 'strategic',
  customerType: 'new',
  owner: 'ann',
});

/** A manager opens the contract of a won deal whose automatic open was refused (see the rows). */
const contract = (contractId: string, opportunityId: string) => ({
  contractId,
  opportunityId,
  customerId: 'acme',
  amount: eur(480_000_00),
  triangle: TRIANGLE,
});

/** The review and the three votes of one gate round (FR is sam's after the reassignment). */
function gate(kind: 'opportunities' | 'contracts', id: string, name: string): Row[] {
  const votes = `/api/${kind}/{id}/gates/{gate}/votes`;
  return [
    { route: `/api/${kind}/{id}/gates/{gate}/review`, who: 'ann', id, gate: name, body: {} },
    { route: votes, who: 'ann', id, gate: name, body: { role: 'AR', decision: 'approve' } },
    { route: votes, who: 'sam', id, gate: name, body: { role: 'SR', decision: 'approve' } },
    { route: votes, who: 'sam', id, gate: name, body: { role: 'FR', decision: 'approve' } },
  ];
}

/** An opportunity from open to a submitted bid, every step a row. */
function toBid(id: string): Row[] {
  const on = (verb: string) => `/api/opportunities/{id}/${verb}`;
  return [
    { route: '/api/opportunities', who: 'ann', body: opportunity(id) },
    { route: on('triangle'), who: 'bob', id, body: { triangle: TRIANGLE } },
    {
      route: on('triangle/reassign'),
      who: 'bob',
      id,
      body: { role: 'FR', to: 'sam', reason: 'Fay on leave' },
    },
    {
      route: on('validate'),
      who: 'ann',
      id,
      body: { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: 'fits' },
    },
    ...gate('opportunities', id, 'opportunityApproval'),
    { route: on('pre-bid-guidance'), who: 'sam', id, body: { note: 'steered the RFP' } },
    ...gate('opportunities', id, 'solutionConsensus'),
    { route: on('quote'), who: 'sam', id, body: { quoteReference: `Q-${id}`, amount: eur(480_000_00) } },
    ...gate('opportunities', id, 'quoteReview'),
    {
      route: on('bid'),
      who: 'ann',
      id,
      body: { quoteReference: `Q-${id}`, amount: eur(480_000_00), validUntil: '2099-12-31' },
    },
  ];
}

const lead = (leadId: string) => ({
  leadId,
  customerId: 'acme',
  source: 'event',
  title: `lead ${leadId}`,
  contact: { name: 'Peter', email: 'peter@acme.example' },
  estimatedAmount: eur(900_000_00),
});

const onCustomer = (verb: string) => `/api/customers/{id}/${verb}`;
const onLead = (verb: string) => `/api/leads/{id}/${verb}`;
const onOpp = (verb: string) => `/api/opportunities/{id}/${verb}`;
const onContract = (verb: string) => `/api/contracts/{id}/${verb}`;
// Fact dates are business times: a minute after this table is built, so after the streams they land on
// are opened (business time never goes back on a stream) and within the future skew of 5 minutes.
const soon = new Date(Date.now() + 60_000).toISOString();
const touch = { channel: 'call', note: 'follow-up call', touchedAt: soon };

/** Every command route at least once, in an order each one is accepted in. */
const ROWS: readonly Row[] = [
  { route: '/api/customers', who: 'ann', body: { customerId: 'acme', name: 'ACME', segment: 'strategic' } },
  { route: onCustomer('claim'), who: 'ann', id: 'acme', body: {} },
  {
    route: '/api/customers',
    who: 'ann',
    body: { customerId: 'globex', name: 'Globex', segment: 'ordinary' },
  },
  { route: onCustomer('claim'), who: 'ann', id: 'globex', body: {} },
  { route: onCustomer('touches'), who: 'ann', id: 'globex', body: touch },
  { route: onCustomer('segment'), who: 'bob', id: 'globex', body: { segment: 'strategic', reason: 'named' } },
  { route: onCustomer('transfer'), who: 'bob', id: 'globex', body: { owner: 'sam', reason: 'territory' } },
  { route: onCustomer('return'), who: 'bob', id: 'globex', body: { note: 'no follow-up' } },
  { route: onCustomer('claim'), who: 'bob', id: 'globex', body: { owner: 'fay' } },
  { route: onCustomer('release'), who: 'fay', id: 'globex', body: { note: 'not for me' } },

  { route: '/api/leads', who: 'ann', body: lead('l-1') },
  { route: onLead('touches'), who: 'ann', id: 'l-1', body: touch },
  { route: onLead('assign'), who: 'bob', id: 'l-1', body: { owner: 'ann' } },
  { route: onLead('reassign'), who: 'bob', id: 'l-1', body: { owner: 'sam', reason: 'workload' } },
  { route: onLead('qualify'), who: 'ann', id: 'l-1', body: BANT },
  { route: onLead('convert'), who: 'ann', id: 'l-1', body: { opportunityId: 'o-lead' } },
  { route: '/api/leads', who: 'ann', body: lead('l-2') },
  { route: onLead('disqualify'), who: 'ann', id: 'l-2', body: { reason: 'no budget' } },
  { route: onLead('reopen'), who: 'ann', id: 'l-2', body: { reason: 'budget found' } },
  { route: onLead('assign'), who: 'bob', id: 'l-2', body: { owner: 'ann' } },
  { route: onLead('nurture'), who: 'ann', id: 'l-2', body: { reason: 'next year', revisitOn: '2099-09-01' } },

  ...toBid('o-1'),
  { route: onOpp('quote/revise'), who: 'ann', id: 'o-1', body: { amount: eur(480_000_00), reason: 'terms' } },
  {
    route: onOpp('negotiation-rounds'),
    who: 'ann',
    id: 'o-1',
    body: { situation: 'win-win', priceChange: eur(0), note: 'longer warranty' },
  },
  { route: onOpp('amount'), who: 'ann', id: 'o-1', body: { amount: eur(470_000_00), reason: 'scope' } },
  { route: onOpp('expected-close-date'), who: 'ann', id: 'o-1', body: { expectedCloseDate: '2026-10-15' } },
  { route: onOpp('forecast-category'), who: 'ann', id: 'o-1', body: { category: 'commit' } },
  {
    route: onOpp('win'),
    who: 'ann',
    id: 'o-1',
    body: { contractId: 'c-won', signedAmount: eur(470_000_00), signedAt: soon },
  },
  ...toBid('o-2'),
  { route: onOpp('lose'), who: 'ann', id: 'o-2', body: { reason: 'price', competitor: 'Initech' } },
  { route: '/api/opportunities', who: 'ann', body: opportunity('o-3') },
  { route: onOpp('abandon'), who: 'ann', id: 'o-3', body: { reason: 'budget frozen' } },

  // Two deals won while their FR (gil) has left: the engine cannot open their contracts, a manager does.
  ...toBid('o-4'),
  ...toBid('o-5'),
  {
    route: '/api/people',
    who: 'bob',
    body: { personId: 'gil', name: 'Gil', orgRole: 'rep', team: 'east', manager: 'bob' },
  },
  ...['o-4', 'o-5'].map((id) => ({
    route: onOpp('triangle/reassign'),
    who: 'bob' as const,
    id,
    body: { role: 'FR', to: 'gil', reason: 'Gil takes over' },
  })),
  { route: '/api/people/{id}/team', who: 'bob', id: 'gil', body: { team: 'west', reason: 'new region' } },
  { route: '/api/people/{id}/manager', who: 'wes', id: 'gil', body: { manager: 'wes' } },
  { route: '/api/people/{id}/role', who: 'wes', id: 'gil', body: { orgRoles: ['rep', 'manager'] } },
  { route: '/api/people/{id}/leave', who: 'root', id: 'gil', body: { reason: 'moved on' } },
  ...[
    ['o-4', 'c-1'],
    ['o-5', 'c-2'],
  ].map(([id, contractId]) => ({
    route: onOpp('win'),
    who: 'ann' as const,
    id,
    body: { contractId, signedAmount: eur(480_000_00), signedAt: soon },
  })),
  { route: '/api/contracts', who: 'bob', body: contract('c-1', 'o-4') },
  {
    route: onContract('triangle/reassign'),
    who: 'bob',
    id: 'c-1',
    body: { role: 'FR', to: 'sam', reason: 'x' },
  },
  {
    route: onContract('confirm'),
    who: 'ann',
    id: 'c-1',
    body: { poNumber: 'PO-1', confirmedAmount: eur(480_000_00) },
  },
  ...gate('contracts', 'c-1', 'deliveryHandover'),
  {
    route: onContract('milestones'),
    who: 'ann',
    id: 'c-1',
    body: { milestoneId: 'm-1', name: 'racks installed' },
  },
  {
    route: onContract('risks'),
    who: 'ann',
    id: 'c-1',
    body: { riskId: 'r-1', title: 'late parts', severity: 'high' },
  },
  {
    route: onContract('risks/resolutions'),
    who: 'ann',
    id: 'c-1',
    body: { riskId: 'r-1', resolution: 'arrived' },
  },
  {
    route: onContract('invoices'),
    who: 'ops',
    id: 'c-1',
    body: { invoiceId: 'inv-1', amount: eur(600_000), dueDate: '2026-08-31' },
  },
  {
    route: onContract('payments'),
    who: 'ops',
    id: 'c-1',
    body: { invoiceId: 'inv-1', amount: eur(600_000), receivedOn: soon.slice(0, 10) },
  },
  {
    route: onContract('invoices'),
    who: 'ops',
    id: 'c-1',
    body: { invoiceId: 'inv-2', amount: eur(47_400_000), dueDate: '2026-09-30' },
  },
  {
    route: onContract('write-offs'),
    who: 'ops',
    id: 'c-1',
    body: { invoiceId: 'inv-2', reason: 'insolvent' },
  },
  { route: onContract('delivery/complete'), who: 'ann', id: 'c-1', body: { acceptanceReference: 'ACC-1' } },
  { route: onContract('close'), who: 'ann', id: 'c-1', body: {} },
  {
    route: onContract('evaluate'),
    who: 'ann',
    id: 'c-1',
    body: { customerSatisfaction: 4, successCriteriaMet: true },
  },
  { route: '/api/contracts', who: 'bob', body: contract('c-2', 'o-5') },
  {
    route: onContract('confirm'),
    who: 'ann',
    id: 'c-2',
    body: { poNumber: 'PO-2', confirmedAmount: eur(480_000_00) },
  },
  {
    route: onContract('changes'),
    who: 'ann',
    id: 'c-2',
    body: { kind: 'prospective', amountDelta: eur(100_000), scope: 'extra rack', reason: 'growth' },
  },
  {
    route: onContract('invoices'),
    who: 'ops',
    id: 'c-2',
    body: { invoiceId: 'inv-3', amount: eur(100_000), dueDate: '2026-08-31' },
  },
  {
    route: onContract('disputes'),
    who: 'ann',
    id: 'c-2',
    body: { disputeId: 'd-1', subject: 'delay', invoiceId: 'inv-3' },
  },
  {
    route: onContract('disputes/resolutions'),
    who: 'ann',
    id: 'c-2',
    body: { disputeId: 'd-1', outcome: 'withdrawn', amountImpact: eur(0) },
  },
  { route: onContract('terminate'), who: 'ann', id: 'c-2', body: { reason: 'customer went bankrupt' } },

  // Incentives: a plan, a target, a period opened and closed, a correction and the retirement.
  {
    route: '/api/incentives/plans',
    who: 'ops',
    body: { planId: 'east26', effectiveFrom: '2026-01', terms: INCENTIVE_TERMS },
  },
  {
    route: '/api/incentives/plans/{id}/targets',
    who: 'ops',
    id: 'east26',
    body: {
      personId: 'ann',
      period: '2026-11',
      targetMinor: 10_000_000,
      targetBonusMinor: 300_000,
      basis: { kind: 'baseSalary', amountMinor: 600_000 },
    },
  },
  { route: '/api/incentives/periods/{id}/open', who: 'ops', id: 'east26.2026-11', body: {} },
  { route: '/api/incentives/periods/{id}/close', who: 'bob', id: 'east26.2026-11', body: {} },
  {
    route: '/api/incentives/plans/{id}/correct',
    who: 'ops',
    id: 'east26',
    body: { effectiveFrom: '2026-11', terms: INCENTIVE_TERMS, reason: 'restated' },
  },
  {
    route: '/api/incentives/plans/{id}/retire',
    who: 'root',
    id: 'east26',
    body: { effectiveAfter: '2026-12', reason: 'replaced' },
  },

  // Forecasts: a rep's call on their own line (the stream is named by the line, not the key).
  {
    route: '/api/forecast-calls',
    who: 'ann',
    body: { scope: 'own', period: '2026-Q4', currency: 'EUR', commitMinor: 100, bestCaseMinor: 200 },
  },
  {
    route: '/api/exchange-rates',
    who: 'ops',
    body: { base: 'EUR', effectiveFrom: '2026-10-01', rates: [{ currency: 'USD', rate: '0.9235' }] },
  },
];

type Answer = { status: number; body: Record<string, unknown> };

/** What must be the same in the first answer and its replay. */
const gist = ({ status, body }: Answer) => ({
  status,
  id: body['id'],
  streamId: body['streamId'],
  revision: body['revision'],
  state: body['state'],
  events: (body['events'] as { id: string }[] | undefined)?.map((e) => e.id),
  code: body['code'],
});

/**
 * Every command, sent twice with one Idempotency-Key: the second answer is the first one again with
 * `duplicate: true`, and nothing more is appended.
 */
describe('idempotent replay of every command over HTTP', () => {
  let api: ApiProcess;
  let as: As;
  let doc: { paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    ({ api, as } = await startSession());
    doc = (await (await fetch(`${api.url}/docs-json`)).json()) as typeof doc;
  });
  afterAll(() => api.stop());

  it('covers every command route of the OpenAPI document', () => {
    const commands = Object.entries(doc.paths)
      // The history import is no command: its lines are idempotent by line (import.e2e-spec.ts); the
      // what-if is a query in a POST body (it writes nothing); a dead-letter retry re-runs a reaction,
      // whose commands carry their own ids (dead-letters.e2e-spec.ts).
      .filter(
        ([path, ops]) =>
          ops['post'] !== undefined &&
          !path.endsWith('/sweep') &&
          path !== '/api/import' &&
          !path.startsWith('/api/process-managers/') &&
          path !== '/api/incentives/what-if',
      )
      .map(([path]) => path);
    expect(commands.length).toBeGreaterThanOrEqual(50);
    expect([...new Set(ROWS.map((r) => r.route))].sort()).toEqual(commands.sort());
  });

  it('answers a repeated key with the first answer, duplicate: true, for every command', async () => {
    const mismatches: unknown[] = [];
    for (const [i, row] of ROWS.entries()) {
      const path = row.route.replace('{id}', row.id ?? '').replace('{gate}', row.gate ?? '');
      const headers = { 'Idempotency-Key': `replay-${String(i).padStart(3, '0')}-${row.who}` };
      const first = await as(row.who, 'POST', path, row.body, headers);
      // A row that is not accepted is a mistake in this table, not the behaviour under test.
      if (first.status !== 200) throw new Error(`row ${i} ${path}: ${JSON.stringify(first.body)}`);
      expect(first.body['duplicate']).toBe(false);
      const again = await as(row.who, 'POST', path, row.body, headers);
      if (JSON.stringify(gist(again)) !== JSON.stringify(gist(first)) || again.body['duplicate'] !== true) {
        mismatches.push({
          path,
          first: gist(first),
          again: { ...gist(again), duplicate: again.body['duplicate'], message: again.body['message'] },
        });
      }
      // The process managers open the converted lead's deal and the won deal's contract.
      if (path.endsWith('/convert') || path.endsWith('/win')) {
        const [kind, id] = path.endsWith('/convert') ? ['opportunities', 'o-lead'] : ['contracts', 'c-won'];
        await eventually(async () =>
          expect((await as('root', 'GET', `/api/${kind}/${id}`)).status).toBe(200),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
