import { mkdtempSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from '../support/api-process';
import { eventually } from '../support/eventually';
import { call } from '../support/http';
import { writeTeam } from '../support/team';

describe('a restart on the same SQLite file', () => {
  it('keeps every deal as it was and still answers a repeated Idempotency-Key once', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-restart-')), 'data');
    const keys = writeTeam(join(dataDir, 'users.json'));
    const capture = {
      customerId: 'globex',
      source: 'inbound',
      title: 'ERP roll-out',
      contact: { name: 'Hank', phone: '+1 555 0100' },
      estimatedAmount: { amountMinor: 50_000_00, currency: 'USD' },
    };
    const headers = { 'Idempotency-Key': 'restart-capture-0001' };

    const first = await startApi({ DATA_DIR: dataDir });
    const as = (base: string, method: string, path: string, body?: unknown, h?: Record<string, string>) =>
      call(base, method, path, {
        key: keys.ann,
        ...(body === undefined ? {} : { body }),
        ...(h ? { headers: h } : {}),
      });
    await as(first.url, 'POST', '/api/customers', {
      customerId: 'globex',
      name: 'Globex',
      segment: 'ordinary',
    });
    await as(first.url, 'POST', '/api/customers/globex/claim', {});
    const captured = await as(first.url, 'POST', '/api/leads', capture, headers);
    expect(captured.status).toBe(200);
    const id = String(captured.body['id']);
    const before = await as(first.url, 'GET', `/api/leads/${id}`);
    expect(await first.stop()).toBe(0);

    const second = await startApi({ DATA_DIR: dataDir });
    try {
      const after = await as(second.url, 'GET', `/api/leads/${id}`);
      expect(after.body).toEqual(before.body);
      const again = await as(second.url, 'POST', '/api/leads', capture, headers);
      expect(again.body).toEqual({ ...captured.body, duplicate: true });
      expect((await as(second.url, 'GET', `/api/leads/${id}`)).body['revision']).toBe(0);
      // The list index is rebuilt from the log at start.
      await eventually(async () => {
        expect((await as(second.url, 'GET', '/api/leads')).body).toMatchObject({ total: 1, items: [{ id }] });
      });
    } finally {
      await second.stop();
    }
  });

  it('a log whose last event was deleted while the api was down: /health reports the truncation, the stream its own', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-truncated-')), 'data');
    const keys = writeTeam(join(dataDir, 'users.json'));
    const first = await startApi({ DATA_DIR: dataDir });
    const body = { customerId: 'initech', name: 'Initech', segment: 'ordinary' };
    expect((await call(first.url, 'POST', '/api/customers', { key: keys.ann, body })).status).toBe(200);
    expect(
      (await call(first.url, 'POST', '/api/customers/initech/claim', { key: keys.ann, body: {} })).status,
    ).toBe(200);
    const seen = await eventually(async () => {
      const health = (await call(first.url, 'GET', '/health')).body as {
        store: { position: string };
        projections: { caughtUp: boolean };
      };
      expect(health.projections.caughtUp).toBe(true);
      return health.store.position;
    });
    expect(await first.stop()).toBe(0);

    const db = new BetterSqlite3(join(dataDir, 'ltc.sqlite'));
    db.prepare('DELETE FROM events WHERE global_position = ?').run(Number(seen)); // the claim
    db.close();

    const second = await startApi({ DATA_DIR: dataDir });
    try {
      const health = (await call(second.url, 'GET', '/health')).body as {
        store: { position: string };
        projections: { truncations: unknown[] };
      };
      expect(health.store.position).toBe(String(Number(seen) - 1).padStart(20, '0'));
      expect(health.projections.truncations).toEqual([
        { detectedAt: expect.any(String), head: health.store.position, seenUpTo: seen },
      ]);
      expect(second.output()).toMatch(/the log ends at \d{20} but the read models had reached \d{20}/);
      // The customer's own verify tells by its head anchor (revision 1: the claim), not only the log's end.
      const verify = await call(second.url, 'GET', '/api/audit/customer-initech/verify', { key: keys.root });
      expect(verify.body).toMatchObject({
        streamId: 'customer-initech',
        events: 1,
        ok: false,
        firstBreak: {
          revision: 1,
          reason: expect.stringMatching(
            /^the stream ends at revision 0, before its head anchor \(revision 1, /,
          ),
        },
      });
      // A new claim would take revision 1 and hide the deletion: refused, nothing appended.
      const claim = await call(second.url, 'POST', '/api/customers/initech/claim', {
        key: keys.ann,
        body: {},
      });
      expect(claim).toMatchObject({ status: 500, body: { code: 'STREAM_HEAD_MISMATCH' } });
      expect((await call(second.url, 'GET', '/health')).body).toMatchObject({
        store: { position: health.store.position },
      });
    } finally {
      await second.stop();
    }
  });
});
