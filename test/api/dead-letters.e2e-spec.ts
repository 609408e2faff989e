import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { startApi, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/eventually';
import { toBid } from '../support/deal';
import { eur, nowIso, type HistoryEvent } from '../support/fixtures';
import { call } from '../support/http';
import { ok, startSession, type Session } from '../support/session';

type ProcessManagersHealth = {
  deadLetters: number;
  oldestDeadLetter: Record<string, unknown> | null;
};

const REFUSAL = 'INVALID_COMMAND: OpenContract.triangle.FR "gil" is not a known user';
const bin = resolve(__dirname, '../../apps/cli/bin/ltc.js');

/** `ltc` as a child process. */
function ltc(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env } }, (error, stdout) =>
      done({ code: error === null ? 0 : (error.code as number | null), stdout }),
    );
  });
}

const gil = { personId: 'gil', name: 'Gil', orgRole: 'rep', team: 'east', manager: 'bob' };

/**
 * A reaction that keeps failing: a deal won after its FR (gil) left, so the engine cannot open its
 * contract (the triangle names someone who is no user). Its dead letter is on /health, outlives a
 * restart, and resolves by a retry once gil has rejoined.
 */
describe('process-manager dead letters: /health and a retry (ops, admins)', () => {
  let session: Session;
  let api: ApiProcess;
  let winId: string;
  const letterId = () => `opportunity-won-opens-contract:${winId}`;
  const get = (path: string, key: string) => call(api.url, 'GET', path, { key });
  const post = (path: string, key: string) => call(api.url, 'POST', path, { key, body: {} });
  const health = async () =>
    (await call(api.url, 'GET', '/health')).body['processManagers'] as ProcessManagersHealth;

  beforeAll(async () => {
    session = await startSession();
    api = session.api;
  });
  afterAll(() => api.stop());

  it('a refused reaction is a dead letter on /health: its reaction, event and error', async () => {
    const { as } = session;
    await ok(as('ann', 'POST', '/api/customers', { customerId: 'acme', name: 'ACME', segment: 'strategic' }));
    await ok(as('ann', 'POST', '/api/customers/acme/claim', {}));
    await ok(as('bob', 'POST', '/api/people', gil));
    await toBid(as, 'dl-1');
    await ok(
      as('bob', 'POST', '/api/opportunities/dl-1/triangle/reassign', {
        role: 'FR',
        to: 'gil',
        reason: 'Gil takes over',
      }),
    );
    await ok(as('root', 'POST', '/api/people/gil/leave', { reason: 'moved on' }));
    const win = { contractId: 'dl-c1', signedAmount: eur(9_000_000), signedAt: nowIso() };
    await ok(as('ann', 'POST', '/api/opportunities/dl-1/win', win), 'won');
    const deal = (await as('root', 'GET', '/api/opportunities/dl-1/history')).body[
      'events'
    ] as HistoryEvent[];
    winId = deal.find((e) => e.type === 'OpportunityWon')!.id;

    const pm = await eventually(async () => {
      const h = await health();
      expect(h.deadLetters).toBe(1);
      return h;
    });
    expect(pm.oldestDeadLetter).toEqual({
      id: letterId(),
      reaction: 'opportunity-won-opens-contract',
      event: {
        id: winId,
        type: 'OpportunityWon',
        streamId: 'opportunity-dl-1',
        revision: deal.at(-1)!.revision,
        position: expect.stringMatching(/^\d{20}$/),
      },
      attempts: 1,
      firstFailedAt: expect.any(String),
      lastFailedAt: expect.any(String),
      error: REFUSAL,
    });
    expect((await get('/api/process-managers/dead-letters', session.keys.ops)).body).toEqual([
      pm.oldestDeadLetter,
    ]);
    expect((await as('root', 'GET', '/api/contracts/dl-c1')).status).toBe(404);
  });

  it('only ops and admins see and retry them', async () => {
    for (const who of ['ann', 'bob'] as const) {
      const list = await get('/api/process-managers/dead-letters', session.keys[who]);
      expect(list).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', rule: 'opsOnly' } });
      const retry = await post('/api/process-managers/dead-letters/retry', session.keys[who]);
      expect(retry.status).toBe(403);
    }
    expect((await post('/api/process-managers/dead-letters/no-such/retry', session.keys.ops)).status).toBe(
      404,
    );
  });

  it('a retry that fails again keeps the letter, counting the attempt; so does `ltc dead-letters retry`', async () => {
    const retry = await post('/api/process-managers/dead-letters/retry', session.keys.ops);
    expect(retry.body).toEqual({
      retried: [{ id: letterId(), status: 'failed', events: 0, error: REFUSAL }],
      remaining: 1,
    });
    const env = { LTC_URL: api.url, LTC_API_KEY: session.keys.ops };
    const listed = await ltc(['dead-letters'], env);
    expect(listed).toMatchObject({ code: 1 });
    expect(listed.stdout).toContain(`${letterId()}: OpportunityWon on opportunity-dl-1, 2 attempt(s), last `);
    expect(listed.stdout).toContain('1 dead letter(s)');
    const retried = await ltc(['dead-letters', 'retry'], env);
    expect(retried).toMatchObject({ code: 1 });
    expect(retried.stdout).toContain(`${letterId()}: failed again: ${REFUSAL}`);
    expect(retried.stdout).toContain('0 of 1 resolved; 1 left');
    expect((await health()).oldestDeadLetter).toMatchObject({ attempts: 3 });
  });

  it('outlives a restart, and a retry once gil has rejoined resolves it', async () => {
    expect(await api.stop()).toBe(0);
    api = await startApi({ DATA_DIR: session.dataDir });
    expect(await health()).toMatchObject({ deadLetters: 1, oldestDeadLetter: { attempts: 3 } });

    const rejoined = await call(api.url, 'POST', '/api/people', { key: session.keys.bob, body: gil });
    expect(rejoined.status).toBe(200);
    const retry = await post(`/api/process-managers/dead-letters/${letterId()}/retry`, session.keys.root);
    expect(retry.body).toEqual({
      retried: [{ id: letterId(), status: 'resolved', events: 1 }],
      remaining: 0,
    });
    const contract = (await get('/api/contracts/dl-c1/history', session.keys.root)).body[
      'events'
    ] as HistoryEvent[];
    expect(contract.map((e) => e.type)).toEqual(['ContractOpened']);
    expect(contract[0]?.metadata).toMatchObject({ actor: 'system', causationId: winId });
    expect(await health()).toMatchObject({ deadLetters: 0, oldestDeadLetter: null });
  });
});
