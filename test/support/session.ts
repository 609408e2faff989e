import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiProcess } from './api-process';
import { call, type Answer } from './http';
import { writeTeam, type Person } from './team';

/** One person's call: method, path, JSON body and extra headers, with their API key. */
export type As = (
  who: Person,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Answer>;

export type Session = Readonly<{ api: ApiProcess; keys: Record<Person, string>; dataDir: string; as: As }>;

/** The built api on a fresh data folder whose users file holds the e2e team (see team.ts). */
export async function startSession(env: Record<string, string> = {}): Promise<Session> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-e2e-')), 'data');
  const keys = writeTeam(join(dataDir, 'users.json'));
  const api = await startApi({ DATA_DIR: dataDir, ...env });
  const as: As = (who, method, path, body, headers) =>
    call(api.url, method, path, {
      key: keys[who],
      ...(body === undefined ? {} : { body }),
      ...(headers ? { headers } : {}),
    });
  return { api, keys, dataDir, as };
}

/** Expects a 200 (and the state, when given) and returns the body. */
export async function ok(answer: Promise<Answer>, state?: string): Promise<Record<string, unknown>> {
  const a = await answer;
  expect({ status: a.status, body: a.body }).toMatchObject({
    status: 200,
    ...(state ? { body: { state } } : {}),
  });
  return a.body;
}

/** Registers a customer and lets `who` claim it. */
export async function ownedCustomer(
  as: As,
  who: Person,
  customerId: string,
  segment = 'strategic',
): Promise<void> {
  await ok(as(who, 'POST', '/api/customers', { customerId, name: customerId.toUpperCase(), segment }));
  await ok(as(who, 'POST', `/api/customers/${customerId}/claim`, {}), 'owned');
}
