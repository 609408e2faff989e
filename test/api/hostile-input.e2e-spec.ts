import type { ApiProcess } from '../support/api-process';
import { call, type Answer } from '../support/http';
import { ok, ownedCustomer, startSession, type As } from '../support/session';
import { nowIso } from '../support/fixtures';
import type { Person } from '../support/team';

type Parameter = { name: string; in: string; schema?: { enum?: string[] } };
type Operation = { parameters?: Parameter[]; requestBody?: unknown };
type Doc = { paths: Record<string, Record<string, Operation>> };

/** A JSON text nested `depth` levels deep: `{"a":{"a":…1…}}`. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Every POST route that reads a body, with its path parameters filled in (`x1`, the first gate). */
function postRoutes(doc: Doc): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => {
    const op = ops['post'];
    // A route that declares no body (the sweep, the dead letters' retry) reads none: whatever is
    // sent, nothing of it reaches class-transformer.
    if (op === undefined || op.requestBody === undefined) return [];
    let concrete = path;
    for (const p of op.parameters ?? []) {
      if (p.in === 'path') concrete = concrete.replace(`{${p.name}}`, p.schema?.enum?.[0] ?? 'x1');
    }
    return [concrete];
  });
}

/** What users and attackers send that is not what a client means to send: refused with 400, nothing stored. */
describe('hostile input over HTTP', () => {
  let api: ApiProcess;
  let as: As;
  let keys: Record<Person, string>;
  let doc: Doc;

  beforeAll(async () => {
    ({ api, as, keys } = await startSession());
    doc = (await (await fetch(`${api.url}/docs-json`)).json()) as Doc;
    await ownedCustomer(as, 'ann', 'acme');
  });
  afterAll(() => api.stop());

  const raw = (path: string, text: string): Promise<Answer> =>
    call(api.url, 'POST', path, { key: keys.root, raw: text });
  const customerRevision = async () => (await as('root', 'GET', '/api/customers/acme')).body['revision'];

  it('refuses deeply nested JSON with 400 on every POST route, as a body and inside a field', async () => {
    const routes = postRoutes(doc);
    expect(routes.length).toBeGreaterThanOrEqual(50);
    for (const path of routes) {
      for (const text of [nested(16_000), `{"name":${nested(3_000)}}`]) {
        const answer = await raw(path, text);
        expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({
          path,
          status: 400,
          code: 'INVALID_INPUT',
        });
      }
    }
    const answer = await raw(
      '/api/customers',
      `{"customerId":"deep","name":${nested(50)},"segment":"ordinary"}`,
    );
    expect(answer.body).toMatchObject({
      errors: [
        {
          field: expect.stringMatching(/^name\.a\.a/),
          messages: [expect.stringContaining('nested deeper than 32')],
        },
      ],
    });
    expect((await as('root', 'GET', '/api/customers/deep')).status).toBe(404);
  });

  it('refuses a lone surrogate in a text field with 400 naming the field', async () => {
    const lead = (email: string) =>
      `{"customerId":"acme","source":"event","title":"t","contact":{"name":"n","email":"${email}"},` +
      `"estimatedAmount":{"amountMinor":1,"currency":"EUR"}}`;
    for (const email of ['\\ud83d', 'a\\ude00@b.example', 'x@y.example\\udbff']) {
      const answer = await call(api.url, 'POST', '/api/leads', { key: keys.ann, raw: lead(email) });
      expect(answer).toMatchObject({
        status: 400,
        body: { code: 'INVALID_INPUT', errors: [{ field: 'contact.email' }] },
      });
    }
    const name = await raw(
      '/api/customers/acme/touches',
      '{"channel":"call","note":"\\udc00","touchedAt":"2026-01-02T00:00:00Z"}',
    );
    expect(name).toMatchObject({ status: 400, body: { errors: [{ field: 'note' }] } });
    expect((await as('root', 'GET', '/api/leads')).body['items']).toEqual([]);
  });

  it('refuses an impossible date in from/to with 400 on every query that takes them', async () => {
    const queries = [
      '/api/funnel',
      '/api/funnel/leads',
      '/api/win-rates',
      '/api/win-rates/losses',
      '/api/activity',
      '/api/gate-decisions',
    ];
    for (const path of queries) {
      for (const param of ['from', 'to']) {
        for (const day of ['2026-13-45', '2026-02-30', '2026-04-31', '2025-02-29', '2026-01-01T25:00:00Z']) {
          const answer = await as('root', 'GET', `${path}?${param}=${day}`);
          expect({ path, param, day, status: answer.status, code: answer.body['code'] }).toEqual({
            path,
            param,
            day,
            status: 400,
            code: 'INVALID_INPUT',
          });
        }
      }
      // Real days still answer, a leap day among them.
      expect((await as('root', 'GET', `${path}?from=2024-02-29&to=2026-12-31T23:59:59Z`)).status).toBe(200);
    }
    expect((await as('root', 'GET', '/api/funnel?asOf=2026-02-30')).status).toBe(400);
  });

  it('refuses offsets and limits beyond what a page can address with 400', async () => {
    const lists = [
      '/api/gate-decisions',
      '/api/leads',
      '/api/customers',
      '/api/opportunities',
      '/api/contracts',
    ];
    for (const path of lists) {
      for (const query of [
        'offset=99999999999999999999999',
        'offset=1e300',
        'offset=9007199254740993',
        'limit=1e300',
        'limit=99999999999999999999999',
      ]) {
        const answer = await as('root', 'GET', `${path}?${query}`);
        expect({ path, query, status: answer.status }).toEqual({ path, query, status: 400 });
      }
      expect((await as('root', 'GET', `${path}?offset=1000000&limit=5`)).status).toBe(200);
    }
    const history = await as('root', 'GET', '/api/customers/acme/history?from=1e300');
    expect(history.status).toBe(400);
  });

  it('refuses unknown fields named like Object.prototype members, also nested, and appends nothing', async () => {
    const before = await customerRevision();
    const names = [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'isPrototypeOf',
    ];
    for (const name of names) {
      const top = await raw(
        '/api/customers/acme/touches',
        `{"channel":"call","note":"n","touchedAt":"2026-01-02T00:00:00Z","${name}":{"x":1}}`,
      );
      expect({ name, status: top.status, errors: top.body['errors'] }).toEqual({
        name,
        status: 400,
        errors: [{ field: name, messages: [`property ${name} should not exist`] }],
      });
      const inner = await raw(
        '/api/leads',
        `{"customerId":"acme","source":"event","title":"t","contact":{"name":"n"},` +
          `"estimatedAmount":{"amountMinor":1,"currency":"EUR","${name}":"1"}}`,
      );
      expect({ name, status: inner.status, errors: inner.body['errors'] }).toEqual({
        name,
        status: 400,
        errors: [{ field: `estimatedAmount.${name}`, messages: [`property ${name} should not exist`] }],
      });
    }
    expect(await customerRevision()).toBe(before);
    expect((await as('root', 'GET', '/api/leads')).body['items']).toEqual([]);
    // The api still works as before.
    await ok(
      as('ann', 'POST', '/api/customers/acme/touches', {
        channel: 'call',
        note: 'n',
        touchedAt: nowIso(),
      }),
    );
  });
});
