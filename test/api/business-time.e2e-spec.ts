import type { ApiProcess } from '../support/api-process';
import type { Body, HistoryEvent } from '../support/fixtures';
import { ok, startSession, type As } from '../support/session';

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

// X-Occurred-At over real HTTP: business time on the events, each late-entry rule refused with its
// status, code and rule, and nothing appended by a refusal.
describe('business time over HTTP (X-Occurred-At)', () => {
  let api: ApiProcess;
  let as: As;
  const register = (who: 'ann' | 'ops', id: string, occurredAt?: string) =>
    as(
      who,
      'POST',
      '/api/customers',
      { customerId: id, name: id.toUpperCase(), segment: 'strategic' },
      occurredAt === undefined ? {} : { 'X-Occurred-At': occurredAt },
    );
  const history = async (id: string) =>
    (await as('ann', 'GET', `/api/customers/${id}/history`)).body['events'] as HistoryEvent[];

  beforeAll(async () => {
    ({ api, as } = await startSession());
  });
  afterAll(() => api.stop());

  it('records a late entry at its business time, recorded now, with the policy that admitted it', async () => {
    const before = Date.now();
    const occurredAt = ago(3 * DAY);
    const answer = await ok(register('ann', 'acme', occurredAt));
    const [event] = answer['events'] as { metadata: Body }[];
    expect(event?.metadata).toMatchObject({
      occurredAt,
      lateEntry: {
        rule: 'backdate',
        allowance: 'window',
        policy: { futureSkewMs: 300_000, repWindowDays: 14 },
      },
    });
    expect(Date.parse(String(event?.metadata['recordedAt']))).toBeGreaterThanOrEqual(before);
    // The history shows both times as stored.
    expect((await history('acme'))[0]?.metadata).toMatchObject({ occurredAt });
  });

  it("takes a touch's own touchedAt as its business time, and refuses a header that disagrees", async () => {
    await ok(as('ann', 'POST', '/api/customers/acme/claim', {}, { 'X-Occurred-At': ago(3 * DAY - 1000) }));
    const touchedAt = ago(2 * DAY);
    const touch = await ok(
      as('ann', 'POST', '/api/customers/acme/touches', { channel: 'visit', note: 'QBR', touchedAt }),
    );
    expect((touch['events'] as { metadata: Body }[])[0]?.metadata['occurredAt']).toBe(touchedAt);
    const disagreeing = await as(
      'ann',
      'POST',
      '/api/customers/acme/touches',
      { channel: 'call', note: 'x', touchedAt: ago(DAY) },
      { 'X-Occurred-At': ago(DAY + 60_000) },
    );
    expect(disagreeing).toMatchObject({
      status: 400,
      body: { code: 'OCCURRED_AT_DISAGREES', rule: 'occurredAt.factDate' },
    });
    expect(await history('acme')).toHaveLength(3);
  });

  it.each([
    ['in the future', () => ago(-10 * 60_000), 400, 'OCCURRED_AT_IN_FUTURE', 'occurredAt.notInFuture'],
    [
      "before the stream's previous event",
      () => ago(4 * DAY),
      409,
      'OCCURRED_AT_BEFORE_STREAM',
      'occurredAt.notBeforeStream',
    ],
    ['malformed', () => 'last Friday', 400, 'INVALID_VALUE', undefined],
  ])('refuses a business time %s, appending nothing', async (_, at, status, code, rule) => {
    const body = { segment: 'ordinary', reason: 'smaller than we thought' };
    const answer = await as('bob', 'POST', '/api/customers/acme/segment', body, { 'X-Occurred-At': at() });
    expect(answer).toMatchObject({ status, body: { code, ...(rule === undefined ? {} : { rule }) } });
    expect(await history('acme')).toHaveLength(3);
  });

  it("refuses a rep's back-dating beyond the window (403); ops may go further back", async () => {
    const longAgo = ago(30 * DAY);
    expect(await register('ann', 'globex', longAgo)).toMatchObject({
      status: 403,
      body: { code: 'OCCURRED_AT_BEYOND_WINDOW', rule: 'occurredAt.backdateWindow' },
    });
    expect((await as('ann', 'GET', '/api/customers/globex')).status).toBe(404);
    const byOps = await ok(register('ops', 'globex', longAgo));
    expect((byOps['events'] as { metadata: Body }[])[0]?.metadata).toMatchObject({
      occurredAt: longAgo,
      lateEntry: { allowance: 'unlimited' },
    });
  });

  it('answers a replayed Idempotency-Key with the first answer', async () => {
    const headers = { 'Idempotency-Key': 'bt-replay-0001', 'X-Occurred-At': ago(DAY / 2) };
    const body = { customerId: 'initech', name: 'INITECH', segment: 'ordinary' };
    const first = await ok(as('ann', 'POST', '/api/customers', body, headers));
    const again = await ok(as('ann', 'POST', '/api/customers', body, headers));
    expect(again).toEqual({ ...first, duplicate: true });
  });
});
