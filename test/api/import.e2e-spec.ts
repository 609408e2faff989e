import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApi, type ApiProcess } from '../support/api-process';
import type { HistoryEvent } from '../support/fixtures';
import { call } from '../support/http';
import { startSession, type Session } from '../support/session';

const ltc = resolve(__dirname, '../../apps/cli/bin/ltc.js');
const examples = resolve(__dirname, '../../examples');
const tmp = () => mkdtempSync(join(tmpdir(), 'ltc-import-'));

type Run = { code: number | null; stdout: string; stderr: string };

/** `ltc import` as a child process; `onStderr` sees its progress as it comes. */
function cli(args: string[], env: Record<string, string>, onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [ltc, 'import', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr);
    });
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

const line = (type: string, target: string, body: object, actor: string, occurredAt: string) =>
  JSON.stringify({ type, target, body, actor, occurredAt });

/** `units` customers, each with a lead converted (the process manager opens its opportunity). */
function history(units: number): string {
  const lines: string[] = [];
  const at = (unit: number, minute: number) =>
    new Date(Date.parse('2025-01-06T08:00:00Z') + unit * 3_600_000 + minute * 60_000).toISOString();
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  for (let i = 0; i < units; i++) {
    const [customer, lead] = [`cust-${i}`, `lead-${i}`];
    lines.push(
      line('RegisterCustomer', customer, { name: `Customer ${i}`, segment: 'strategic' }, 'ann', at(i, 0)),
      line('ClaimCustomer', customer, {}, 'ann', at(i, 1)),
      line(
        'CaptureLead',
        lead,
        {
          customerId: customer,
          source: 'event',
          title: `Lead ${i}`,
          contact: { name: 'Pat', email: 'pat@example.com' },
          estimatedAmount: eur(1_000_000),
        },
        'ann',
        at(i, 2),
      ),
      line('AssignLead', lead, { owner: 'ann' }, 'bob', at(i, 3)),
      line(
        'QualifyLead',
        lead,
        {
          budget: { amount: eur(1_200_000), paymentTerms: '30/70' },
          authority: { decisionProcess: 'board', keyPerson: 'CFO', decisionMaker: 'Board' },
          need: {
            realNeed: 'growth',
            supplierQualification: 'tier 1',
            productStandards: 'ISO',
            deliveryStandards: '6 weeks',
          },
          time: {
            projectApprovalDate: '2025-03-01',
            needFoundDate: '2025-01-02',
            decisionDate: '2025-06-30',
          },
          grade: 'warm',
        },
        'ann',
        at(i, 4),
      ),
      line('ConvertLead', lead, { opportunityId: `opp-${i}` }, 'ann', at(i, 5)),
      line(
        'AssignIronTriangle',
        `opp-${i}`,
        { triangle: { AR: 'ann', SR: 'sam', FR: 'fay' } },
        'bob',
        at(i, 6),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What must be equal in two logs: every event of the file's streams, less the knowledge time and hash. */
async function logOf(api: ApiProcess, key: string, units: number) {
  const streams: string[] = [];
  for (let i = 0; i < units; i++)
    streams.push(`customers/cust-${i}`, `leads/lead-${i}`, `opportunities/opp-${i}`);
  const log: unknown[] = [];
  for (const stream of streams) {
    const answer = await call(api.url, 'GET', `/api/${stream}/history?limit=1000`, { key });
    for (const e of (answer.body['events'] ?? []) as HistoryEvent[]) {
      log.push([stream, e.revision, e.id, e.type, e.data, e.metadata['occurredAt'], e.metadata['commandId']]);
    }
  }
  return log;
}

describe('history import: POST /api/import and ltc import', () => {
  let session: Session;
  let env: Record<string, string>;
  const history_ = async (path: string) =>
    (await session.as('root', 'GET', `${path}/history?limit=1000`)).body['events'] as HistoryEvent[];

  beforeAll(async () => {
    session = await startSession();
    env = { LTC_URL: session.api.url, LTC_API_KEY: session.keys.root };
  });
  afterAll(() => session.api.stop());

  it('is for admins only, and only for an NDJSON body', async () => {
    const post = (who: 'ann' | 'root', contentType: string) =>
      fetch(`${session.api.url}/api/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.keys[who]}`, 'content-type': contentType },
        body: line(
          'RegisterCustomer',
          'x-1',
          { name: 'X', segment: 'ordinary' },
          'ann',
          '2025-01-01T00:00:00Z',
        ),
      });
    const byRep = await post('ann', 'application/x-ndjson');
    expect(byRep.status).toBe(403);
    expect(await byRep.json()).toMatchObject({ code: 'FORBIDDEN', rule: 'importAdminsOnly' });
    const asJson = await post('root', 'application/json');
    expect(asJson.status).toBe(400);
    expect((await session.as('root', 'GET', '/api/customers/x-1')).status).toBe(404);
  });

  it('imports the example file through the workflows and the process managers, at business time', async () => {
    const started = Date.now();
    const run = await cli([join(examples, 'import/history.jsonl')], env);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toContain('imported 10 line(s), 0 already imported, 0 refused');
    const lead = await history_('/api/leads/lead-dc');
    const converted = lead.find((e) => e.type === 'LeadConverted')!;
    expect(converted.metadata).toMatchObject({ occurredAt: '2025-10-02T11:00:00.000Z', imported: true });
    expect(Date.parse(String(converted.metadata['recordedAt']))).toBeGreaterThanOrEqual(started);
    // The process manager opened the opportunity at the conversion's business time, before line 8 ran.
    const opp = await history_('/api/opportunities/opp-dc');
    expect(opp.map((e) => e.type)).toEqual([
      'OpportunityOpened',
      'IronTriangleAssigned',
      'OpportunityValidated',
      'ExpectedCloseDateChanged',
    ]);
    expect(opp[0]?.metadata).toMatchObject({
      actor: 'system',
      causationId: converted.id,
      occurredAt: '2025-10-02T11:00:00.000Z',
      imported: true,
    });
  });

  it('imports the converted Salesforce history: the won deal opens its contract on the signing day', async () => {
    const run = await cli([join(examples, 'salesforce/opportunity-history.jsonl')], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/imported \d+ line\(s\), 0 already imported, 0 refused/);
    const contract = await history_('/api/contracts/ctr-006A1');
    expect(contract[0]?.metadata).toMatchObject({ occurredAt: '2026-06-05T08:30:00.000Z', imported: true });
    expect((await session.as('root', 'GET', '/api/opportunities/006B2')).body['state']).toBe('lost');
  });

  it('appends nothing when the same file runs again', async () => {
    const before = (await history_('/api/opportunities/opp-dc')).length;
    const run = await cli([join(examples, 'import/history.jsonl')], env);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stderr).toContain('imported 0 line(s), 10 already imported, 0 refused');
    expect(await history_('/api/opportunities/opp-dc')).toHaveLength(before);
  });

  describe('bad input: a clear error per line', () => {
    const file = join(tmp(), 'bad.jsonl');
    beforeAll(() => {
      const ok = (i: number, at: string) =>
        line('RegisterCustomer', `bad-${i}`, { name: `B${i}`, segment: 'ordinary' }, 'ann', at);
      writeFileSync(
        file,
        [
          ok(1, '2025-02-01T00:00:00Z'),
          '{"type": "RegisterCustomer", "target": ',
          line('TeleportCustomer', 'bad-1', {}, 'ann', '2025-02-02T00:00:00Z'),
          line('ReleaseCustomer', 'bad-1', { note: 'x' }, 'ann', '2025-01-31T00:00:00Z'),
          ok(5, '2099-01-01T00:00:00Z'),
          line('ReleaseCustomer', 'bad-1', { note: 'x' }, 'ann', '2025-02-03T00:00:00Z'),
          ok(7, '2025-02-04T00:00:00Z'),
        ].join('\n'),
      );
    });

    it('with --on-error stop (the default) names every bad line and imports nothing', async () => {
      const run = await cli([file], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('line 2: MALFORMED_LINE: not JSON');
      expect(run.stderr).toContain('line 3: UNKNOWN_COMMAND: unknown command type "TeleportCustomer"');
      expect(run.stderr).toContain('line 4: OCCURRED_AT_BEFORE_STREAM (occurredAt.notBeforeStream)');
      expect(run.stderr).toContain('line 5: OCCURRED_AT_IN_FUTURE (occurredAt.notInFuture)');
      expect(run.stderr).toContain('4 of 7 line(s) are bad; nothing was imported');
      expect((await session.as('root', 'GET', '/api/customers/bad-1')).status).toBe(404);
    });

    it('with --on-error skip imports the good lines and reports a machine refusal by line', async () => {
      const run = await cli([file, '--on-error', 'skip'], env);
      expect(run.code).toBe(1);
      // Line 6 is well formed, but the customer is not owned: the machine refuses it.
      expect(run.stderr).toMatch(/line 6: COMMAND_REFUSED \(\w+\): /);
      expect(run.stderr).toContain('imported 2 line(s), 0 already imported, 5 refused');
      expect((await session.as('root', 'GET', '/api/customers/bad-1')).status).toBe(200);
      expect((await session.as('root', 'GET', '/api/customers/bad-7')).status).toBe(200);
      expect((await session.as('root', 'GET', '/api/customers/bad-5')).status).toBe(404);
    });
  });

  describe("each line's body through its route's DTO, as over HTTP", () => {
    const file = join(tmp(), 'dto.jsonl');
    const lead = (id: string, contact: object) => ({
      customerId: 'dto-1',
      source: 'event',
      title: `Lead ${id}`,
      contact,
      estimatedAmount: { amountMinor: 1_000_000, currency: 'EUR' },
    });
    beforeAll(() =>
      writeFileSync(
        file,
        [
          line(
            'RegisterCustomer',
            'dto-1',
            { name: 'D1', segment: 'ordinary' },
            'ann',
            '2025-03-01T00:00:00Z',
          ),
          // An unknown field, as `POST /api/customers` refuses it.
          line(
            'RegisterCustomer',
            'dto-2',
            { name: 'D2', segment: 'ordinary', colour: 'red' },
            'ann',
            '2025-03-01T00:00:01Z',
          ),
          // A nested DTO rule: an e-mail address that is none, and an amount of a fraction of a cent.
          line(
            'CaptureLead',
            'dto-lead-3',
            {
              ...lead('3', { name: 'Pat', email: 'not-an-address' }),
              estimatedAmount: { amountMinor: 1.5, currency: 'EUR' },
            },
            'ann',
            '2025-03-01T00:00:02Z',
          ),
          // A gate the opportunity does not have (the gate is a path segment over HTTP).
          JSON.stringify({
            type: 'RequestGateReview',
            kind: 'opportunity',
            target: 'dto-opp-4',
            body: { gate: 'teleportGate' },
            actor: 'ann',
            occurredAt: '2025-03-01T00:00:03Z',
          }),
          // A creating route's id is the target: a body naming another id is refused.
          line(
            'RegisterCustomer',
            'dto-5',
            { customerId: 'other', name: 'D5', segment: 'ordinary' },
            'ann',
            '2025-03-01T00:00:04Z',
          ),
          line(
            'CaptureLead',
            'dto-lead-6',
            lead('6', { name: 'Pat', email: 'pat@example.com' }),
            'ann',
            '2025-03-01T00:00:05Z',
          ),
        ].join('\n'),
      ),
    );

    it('ltc import names each bad line and field, and imports nothing', async () => {
      const run = await cli([file], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('line 2: INVALID_INPUT: body.colour: property colour should not exist');
      expect(run.stderr).toContain('line 3: INVALID_INPUT: body.contact.email: ');
      expect(run.stderr).toContain('body.estimatedAmount.amountMinor: ');
      expect(run.stderr).toContain(
        'line 4: INVALID_INPUT: body.gate: gate must be one of opportunityApproval',
      );
      expect(run.stderr).toContain('line 5: INVALID_INPUT: body.customerId: ');
      expect(run.stderr).toContain('4 of 6 line(s) are bad; nothing was imported');
      for (const path of ['/api/customers/dto-1', '/api/customers/dto-2', '/api/leads/dto-lead-6']) {
        expect((await session.as('root', 'GET', path)).status).toBe(404);
      }
    });

    it('POST /api/import refuses a bad line with its fields and appends nothing for it', async () => {
      const answer = await fetch(`${session.api.url}/api/import?onError=skip`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.keys.root}`, 'content-type': 'application/x-ndjson' },
        body: readFileSync(file, 'utf8'),
      });
      const lines = (await answer.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l['status'] ?? 'summary')).toEqual([
        'applied',
        'refused',
        'refused',
        'refused',
        'refused',
        'applied',
        'summary',
      ]);
      expect(lines[1]).toMatchObject({
        line: 2,
        code: 'INVALID_INPUT',
        errors: [{ field: 'body.colour', messages: ['property colour should not exist'] }],
      });
      expect((lines[2]?.['errors'] as { field: string }[]).map((e) => e.field)).toEqual([
        'body.contact.email',
        'body.estimatedAmount.amountMinor',
      ]);
      expect((await session.as('root', 'GET', '/api/customers/dto-2')).status).toBe(404);
      expect((await session.as('root', 'GET', '/api/customers/other')).status).toBe(404);
      expect((await session.as('root', 'GET', '/api/customers/dto-5')).status).toBe(404);
      expect((await session.as('root', 'GET', '/api/leads/dto-lead-3')).status).toBe(404);
      expect((await session.as('root', 'GET', '/api/leads/dto-lead-6')).status).toBe(200);
    });
  });

  it('after a kill -9 of the api mid-import and a re-run, holds the same log as one clean run', async () => {
    const units = 40;
    const file = join(tmp(), 'history.jsonl');
    writeFileSync(file, history(units));
    const total = readFileSync(file, 'utf8').trim().split('\n').length;

    // One clean run on its own data folder.
    const clean = await startSession();
    const cleanRun = await cli([file], { LTC_URL: clean.api.url, LTC_API_KEY: clean.keys.root });
    expect(cleanRun.stderr).toContain(`imported ${total} line(s)`);
    const expected = await logOf(clean.api, clean.keys.root, units);
    await clean.api.stop();

    // The same file, the api killed (SIGKILL) once a tenth of the lines has gone through.
    const crashed = await startSession();
    const crashEnv = { LTC_URL: crashed.api.url, LTC_API_KEY: crashed.keys.root };
    let killed = false;
    const first = await cli([file], crashEnv, (stderr) => {
      if (!killed && /import \[.*\] +[1-9]\d?%/.test(stderr)) {
        killed = true;
        crashed.api.child.kill('SIGKILL');
      }
    });
    expect(killed).toBe(true);
    expect(first.code).toBe(1);
    const restarted = await startApi({ DATA_DIR: crashed.dataDir });
    try {
      const again = await cli([file], { ...crashEnv, LTC_URL: restarted.url });
      expect(again.code).toBe(0);
      const summary = /imported (\d+) line\(s\), (\d+) already imported, 0 refused/.exec(again.stderr);
      expect(Number(summary?.[1]) + Number(summary?.[2])).toBe(total);
      // Some lines ran before the kill (already imported now), some after it (imported by the re-run).
      expect(Number(summary?.[2])).toBeGreaterThan(0);
      expect(Number(summary?.[1])).toBeGreaterThan(0);
      expect(await logOf(restarted, crashed.keys.root, units)).toEqual(expected);
    } finally {
      await restarted.stop();
    }
  }, 180_000);
});
