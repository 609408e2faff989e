import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncentiveStatement, LineExplanation, LineInputs } from '@ltc/read-models';
import { main } from './main';

const KEY = `ltc_0123456789abcdef_${'a'.repeat(43)}`;

// The table shows no line inputs (explain does): the lines here carry none.
const NO_INPUTS = {} as LineInputs;

const WIN = {
  id: 'ev-7',
  type: 'OpportunityWon',
  streamId: 'opportunity-o2',
  position: '00000000000000000007',
  actor: 'ann',
  occurredAt: '2026-10-31T16:54:00.000Z',
  recordedAt: '2026-11-03T16:54:00.000Z',
};

// ann in November: signing on k-1 (USD 12,345.67 × 0.92 = 11,358.02 EUR × 10 % = pool 1,135.80; AR 50 %
// = 567.90), a clawback of −1,539.00, and +260.55 for October paid here: 567.90 − 1,539.00 + 260.55 =
// −710.55, nothing payable, carried out.
const STATEMENT: IncentiveStatement = {
  planId: 'sales',
  personId: 'ann',
  period: '2026-11',
  currency: 'EUR',
  status: 'closed',
  frozenAt: { position: '00000000000000000042', closedBy: 'ops-2', closeEventId: 'ev-42' },
  knownAt: null,
  lines: [
    {
      lineId: 'clawback:k-0:AR:ev-9',
      kind: 'clawback',
      personId: 'ann',
      period: '2026-11',
      dealId: 'k-0',
      amountMinor: -153_900,
      inputs: NO_INPUTS,
      formula: 'terminated within 90 days of signing: AR gives back the 1,539.00 earned on the signing basis',
      eventIds: ['ev-9'],
    },
    {
      lineId: 'signing:k-1:AR:signed',
      kind: 'signing',
      personId: 'ann',
      period: '2026-11',
      dealId: 'k-1',
      amountMinor: 56_790,
      inputs: NO_INPUTS,
      formula:
        '12,345.67 USD × 0.92 = 11,358.02 EUR × 10.00 % × x1 × x1 = pool 1,135.80; AR 50.00 % = 567.90',
      eventIds: ['ev-3'],
    },
  ],
  adjustments: [
    {
      lineId: 'adjustment:2026-10:signing:k-2',
      kind: 'adjustment',
      personId: 'ann',
      period: '2026-11',
      dealId: 'k-2',
      amountMinor: 26_055,
      corrects: { period: '2026-10', kind: 'signing', dealId: 'k-2' },
      beforeMinor: 0,
      afterMinor: 26_055,
      deltaMinor: 26_055,
      causes: [WIN],
      reason: 'win of EUR 5,211.00 recorded 3 Nov for 31 Oct',
    },
  ],
  unconverted: [],
  totals: {
    earnedMinor: -97_110,
    adjustmentsMinor: 26_055,
    periodTotalMinor: -71_055,
    carriedInMinor: 0,
    payableMinor: 0,
    carriedOutMinor: -71_055,
  },
};

const EXPLANATION: LineExplanation = {
  lineId: 'adjustment:2026-10:signing:k-2',
  kind: 'adjustment',
  amountMinor: 26_055,
  formula: 'signing of 2026-10: now 260.55 − paid 0.00 = 260.55',
  steps: [
    { label: 'paid before (frozen + forwarded)', value: '0.00' },
    { label: 'recomputed now', value: '260.55' },
  ],
  events: [WIN],
};

const CSV =
  'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out\nann,2026-11,EUR,closed,-971.10,260.55,0.00,0.00,-710.55\n';

describe('ltc incentives statement|explain|export against an http server', () => {
  let server: Server;
  let url: string;
  const asked: { url: string; auth: string | undefined }[] = [];
  let out: string;
  let err: string;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      asked.push({ url: req.url ?? '', auth: req.headers.authorization });
      const path = (req.url ?? '').split('?')[0];
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path === '/api/incentives/statements/ann/2026-11') return json(200, STATEMENT);
      if (
        path === '/api/incentives/statements/ann/2026-11/lines/adjustment%3A2026-10%3Asigning%3Ak-2/explain'
      )
        return json(200, EXPLANATION);
      if (path === '/api/incentives/periods/sales.2026-11/export')
        return void res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
      if (path === '/api/incentives/statements/sam/2026-11')
        return json(403, {
          statusCode: 403,
          rule: 'ownStatementOrReport',
          message: 'a statement is read by its person',
        });
      return json(404, { statusCode: 404, message: `nothing at ${path}` });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(() => {
    out = '';
    err = '';
    asked.length = 0;
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  const ltc = (...args: string[]) => main(['incentives', ...args, '--url', url, '--key', KEY]);

  it('prints a statement as a table, amounts to the cent, adjustments with what they correct and why', async () => {
    expect(
      await ltc('statement', 'ann', '2026-11', '--plan', 'sales', '--known-at', '2026-12-01T00:00:00Z'),
    ).toBe(0);
    expect(asked).toEqual([
      {
        url: '/api/incentives/statements/ann/2026-11?knownAt=2026-12-01T00%3A00%3A00Z&planId=sales',
        auth: `Bearer ${KEY}`,
      },
    ]);
    expect(err).toBe('');
    expect(out).toBe(
      'statement of ann for 2026-11, plan sales (EUR): closed by ops-2, frozen at log position 00000000000000000042\n' +
        '\n' +
        'line                   kind      deal     amount\n' +
        'clawback:k-0:AR:ev-9   clawback  k-0   -1,539.00\n' +
        'signing:k-1:AR:signed  signing   k-1      567.90\n' +
        '\n' +
        'adjustments (changes to closed periods, paid here)\n' +
        'line                            corrects             before   after    delta  reason\n' +
        'adjustment:2026-10:signing:k-2  2026-10 signing k-2    0.00  260.55  +260.55  win of EUR 5,211.00 recorded 3 Nov for 31 Oct\n' +
        '\n' +
        // −1,539.00 + 567.90 = −971.10; + 260.55 = −710.55: nothing to pay, carried into December
        'earned -971.10 + adjustments +260.55 = period total -710.55; carried in 0.00; payable 0.00 EUR; carried out -710.55\n',
    );
  });

  it('prints the statement as the api answered it with --format json', async () => {
    expect(await ltc('statement', 'ann', '2026-11', '--format', 'json')).toBe(0);
    expect(JSON.parse(out)).toEqual(STATEMENT);
    expect(asked[0]?.url).toBe('/api/incentives/statements/ann/2026-11');
  });

  it('explains a line: the formula, its steps and the events', async () => {
    expect(await ltc('explain', 'ann', '2026-11', 'adjustment:2026-10:signing:k-2')).toBe(0);
    expect(out).toBe(
      'adjustment:2026-10:signing:k-2 (adjustment): 260.55\n' +
        'signing of 2026-10: now 260.55 − paid 0.00 = 260.55\n' +
        '\n' +
        '  paid before (frozen + forwarded)  0.00\n' +
        '  recomputed now                    260.55\n' +
        '\n' +
        'events\n' +
        '  ev-7 OpportunityWon on opportunity-o2 by ann, occurred 2026-10-31T16:54:00.000Z, recorded 2026-11-03T16:54:00.000Z (position 00000000000000000007)\n',
    );
  });

  it('writes the payroll CSV of a period to stdout as the api sent it', async () => {
    expect(await ltc('export', '2026-11', '--plan', 'sales', '--format', 'csv')).toBe(0);
    expect(out).toBe(CSV);
    expect(asked[0]?.url).toBe('/api/incentives/periods/sales.2026-11/export?format=csv');
  });

  it('names the status, rule and endpoint of a refusal, exit 1', async () => {
    expect(await ltc('statement', 'sam', '2026-11')).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `ltc incentives statement: 403 ownStatementOrReport: a statement is read by its person (${url}/api/incentives/statements/sam/2026-11)\n`,
    );
    expect(await ltc('export', '2026-05', '--plan', 'sales')).toBe(1);
    expect(err).toContain(
      'ltc incentives export: 404: nothing at /api/incentives/periods/sales.2026-05/export',
    );
  });

  it('refuses bad arguments before asking the api', async () => {
    await expect(ltc('statement', 'ann')).rejects.toThrow(
      /usage: ltc incentives statement <person> <period>/,
    );
    await expect(ltc('statement', 'ann', '2026-11', '--format', 'csv')).rejects.toThrow(
      '--format must be table or json, got "csv"',
    );
    await expect(ltc('export', '2026-11', '--plan', 'sales', '--format', 'json')).rejects.toThrow(
      '--format must be csv, got "json"',
    );
    await expect(ltc('export', '2026-11')).rejects.toThrow('name the plan');
    await expect(ltc('explain', 'ann', '2026-11')).rejects.toThrow(/usage: ltc incentives explain/);
    await expect(ltc('frobnicate')).rejects.toThrow(
      /usage: ltc incentives statement\|explain\|export\|close/,
    );
    expect(asked).toEqual([]);
  });
});
