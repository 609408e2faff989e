import { MemoryEventStore, type EventStore } from '@ltc/event-store';
import { FixedClock } from './clock.port';
import { CommandPipeline, type CommandRequest } from './command-pipeline';
import { BusinessTimeRefusedError } from './engine.errors';
import { tallyWorkflow, type TallyCommand } from './testing/tally.workflow';

const rep = { id: 'ann', roles: ['rep'] };
const ops = { id: 'olga', roles: ['ops'] };
const DAY = 86_400_000;
// CloseTally's `signedAt` is its fact date here, as WinOpportunity's is in the LTC workflows.
const factDates = { CloseTally: { field: 'signedAt', kind: 'instant' as const } };

describe('CommandPipeline: business time (occurredAt) and knowledge time (recordedAt)', () => {
  let store: EventStore;
  let clock: FixedClock;
  let pipeline: CommandPipeline;
  const run = (commandId: string, command: TallyCommand, extra: Partial<CommandRequest<TallyCommand>> = {}) =>
    pipeline.execute(tallyWorkflow, null, { streamId: 'tally-1', command, commandId, actor: rep, ...extra });
  const open = (extra: Partial<CommandRequest<TallyCommand>> = {}) =>
    run('c-open', { type: 'OpenTally', data: { limit: 100 } }, extra);
  const count = (id: string, extra: Partial<CommandRequest<TallyCommand>> = {}) =>
    run(id, { type: 'Count', data: { by: 1 } }, extra);

  /** Runs `act`, expects the named rule to refuse it, and that the stream did not grow. */
  async function refused(act: () => Promise<unknown>, rule: string, code: string): Promise<void> {
    const before = (await store.readStream('tally-1').catch(() => [])).length;
    const error = await act().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessTimeRefusedError);
    expect(error).toMatchObject({ rule, code });
    expect((await store.readStream('tally-1').catch(() => [])).length).toBe(before);
  }

  beforeEach(() => {
    store = new MemoryEventStore();
    clock = new FixedClock('2026-12-02T09:00:00.000Z');
    pipeline = new CommandPipeline(store, clock, { factDates });
  });
  afterEach(() => store.close());

  it('stamps both times as now when the command asks for none', async () => {
    const { events } = await open();
    expect(events[0]?.metadata).toMatchObject({
      occurredAt: '2026-12-02T09:00:00.000Z',
      recordedAt: '2026-12-02T09:00:00.000Z',
    });
    expect(events[0]?.metadata).not.toHaveProperty('lateEntry');
  });

  it('worked example: signed 20 Nov, recorded 2 Dec, the event occurred on 20 Nov', async () => {
    await open({ occurredAt: '2026-11-18T08:00:00Z', actor: ops });
    const { events } = await run('c-close', {
      type: 'CloseTally',
      data: { signedAt: '2026-11-20T10:00:00.000Z' },
    });
    // 2 Dec 09:00 - 20 Nov 10:00 = 11 days 23 hours = 11 * 86,400,000 + 23 * 3,600,000 = 1,033,200,000 ms,
    // inside a rep's 14-day window (1,209,600,000 ms).
    expect(events[0]?.metadata).toMatchObject({
      occurredAt: '2026-11-20T10:00:00.000Z',
      recordedAt: '2026-12-02T09:00:00.000Z',
      lateEntry: {
        rule: 'backdate',
        lagMs: 1_033_200_000,
        allowance: 'window',
        policy: { futureSkewMs: 300_000, repWindowDays: 14 },
      },
    });
    // The machine decided at business time: the event's own time is the 20th, not the 2nd.
    expect(events[0]?.data).toEqual({ at: '2026-11-20T10:00:00.000Z' });
  });

  it('takes the asked business time when it agrees with the fact date, to the millisecond', async () => {
    await open({ occurredAt: '2026-11-18T08:00:00Z', actor: ops });
    const { events } = await run(
      'c-close',
      { type: 'CloseTally', data: { signedAt: '2026-11-20T11:00:00+01:00' } },
      { occurredAt: '2026-11-20T10:00:00Z' },
    );
    expect(events[0]?.metadata['occurredAt']).toBe('2026-11-20T10:00:00.000Z');
  });

  it('places a fact dated by day at the end of that day, or now when it is today', async () => {
    const byDay = new CommandPipeline(store, clock, {
      factDates: { CloseTally: { field: 'signedAt', kind: 'date' } },
    });
    const close = (stream: string, signedAt: string, occurredAt?: string) =>
      byDay.execute(tallyWorkflow, null, {
        streamId: stream,
        command: { type: 'CloseTally', data: { signedAt } },
        commandId: `close-${stream}`,
        actor: ops,
        ...(occurredAt === undefined ? {} : { occurredAt }),
      });
    const openOn = (stream: string, occurredAt: string) =>
      byDay.execute(tallyWorkflow, null, {
        streamId: stream,
        command: { type: 'OpenTally', data: { limit: 1 } },
        commandId: `open-${stream}`,
        actor: ops,
        occurredAt,
      });
    await openOn('t-past', '2026-11-27T08:00:00.000Z');
    expect((await close('t-past', '2026-11-28')).events[0]?.metadata['occurredAt']).toBe(
      '2026-11-28T23:59:59.999Z',
    );
    await openOn('t-today', '2026-12-02T08:00:00.000Z');
    expect((await close('t-today', '2026-12-02')).events[0]?.metadata['occurredAt']).toBe(
      '2026-12-02T09:00:00.000Z',
    );
    // The stream's last event lies 3 minutes ahead (within the skew) on the same day: the fact follows it.
    await openOn('t-ahead', '2026-12-02T09:03:00.000Z');
    expect((await close('t-ahead', '2026-12-02')).events[0]?.metadata['occurredAt']).toBe(
      '2026-12-02T09:03:00.000Z',
    );
    // An asked time on the same day agrees; another day does not.
    await openOn('t-asked', '2026-11-27T08:00:00.000Z');
    await expect(close('t-asked', '2026-11-28', '2026-11-29T10:00:00Z')).rejects.toMatchObject({
      rule: 'occurredAt.factDate',
    });
    expect(
      (await close('t-asked', '2026-11-28', '2026-11-28T10:00:00Z')).events[0]?.metadata['occurredAt'],
    ).toBe('2026-11-28T10:00:00.000Z');
  });

  it('refuses an asked business time that disagrees with the fact date', async () => {
    await open({ occurredAt: '2026-11-18T08:00:00Z', actor: ops });
    await refused(
      () =>
        run(
          'c-close',
          { type: 'CloseTally', data: { signedAt: '2026-11-20T10:00:00.000Z' } },
          { occurredAt: '2026-11-21T10:00:00.000Z' },
        ),
      'occurredAt.factDate',
      'OCCURRED_AT_DISAGREES',
    );
  });

  it('refuses a business time in the future beyond the skew, and accepts one within it', async () => {
    await refused(
      () => open({ occurredAt: '2026-12-02T09:05:00.001Z' }),
      'occurredAt.notInFuture',
      'OCCURRED_AT_IN_FUTURE',
    );
    const { events } = await open({ occurredAt: '2026-12-02T09:05:00.000Z' });
    expect(events[0]?.metadata['occurredAt']).toBe('2026-12-02T09:05:00.000Z');
    // The next command asks for nothing: now (09:00) would go back, so it takes the stream's 09:05.
    const next = await count('c-1');
    expect(next.events[0]?.metadata).toMatchObject({
      occurredAt: '2026-12-02T09:05:00.000Z',
      recordedAt: '2026-12-02T09:00:00.000Z',
    });
  });

  it("refuses a business time before the stream's previous event", async () => {
    await open({ occurredAt: '2026-11-25T12:00:00.000Z' });
    await refused(
      () => count('c-1', { occurredAt: '2026-11-25T11:59:59.999Z' }),
      'occurredAt.notBeforeStream',
      'OCCURRED_AT_BEFORE_STREAM',
    );
    // The same instant is allowed: business time is non-decreasing, not strictly increasing.
    await expect(count('c-2', { occurredAt: '2026-11-25T12:00:00.000Z' })).resolves.toMatchObject({
      revision: 1,
    });
  });

  it("refuses a rep's back-dating beyond the window; ops, admin and imported commands go further", async () => {
    const beyond = new Date(Date.parse('2026-12-02T09:00:00.000Z') - 14 * DAY - 1).toISOString();
    await refused(
      () => open({ occurredAt: beyond }),
      'occurredAt.backdateWindow',
      'OCCURRED_AT_BEYOND_WINDOW',
    );
    await refused(
      () => open({ occurredAt: beyond, actor: { id: 'max', roles: ['manager'] } }),
      'occurredAt.backdateWindow',
      'OCCURRED_AT_BEYOND_WINDOW',
    );
    const edge = new Date(Date.parse('2026-12-02T09:00:00.000Z') - 14 * DAY).toISOString();
    await expect(open({ occurredAt: edge })).resolves.toMatchObject({ revision: 0 });
    const byOps = await count('c-ops', { occurredAt: edge, actor: ops });
    expect(byOps.events[0]?.metadata['lateEntry']).toMatchObject({ allowance: 'unlimited' });
    const imported = await pipeline.execute(tallyWorkflow, null, {
      streamId: 'tally-2',
      command: { type: 'OpenTally', data: { limit: 1 } },
      commandId: 'imp-1',
      actor: rep,
      occurredAt: '2024-01-01T00:00:00.000Z',
      imported: true,
    });
    expect(imported.events[0]?.metadata).toMatchObject({
      occurredAt: '2024-01-01T00:00:00.000Z',
      imported: true,
      lateEntry: { allowance: 'unlimited' },
    });
  });

  it('refuses a malformed business time as invalid input, appending nothing', async () => {
    for (const bad of ['yesterday', '2026-11-20', '2026-11-20T10:00:00']) {
      await expect(open({ occurredAt: bad })).rejects.toMatchObject({
        code: 'INVALID_VALUE',
        field: 'occurredAt',
      });
    }
    await expect(store.readStream('tally-1')).rejects.toThrow();
  });

  it("clamps a process manager's business time to the target stream instead of refusing", async () => {
    await open({ occurredAt: '2026-11-25T12:00:00.000Z' });
    const system = { id: 'system', roles: ['system'] };
    const { events } = await count('pm:1', {
      actor: system,
      occurredAt: '2026-11-20T10:00:00.000Z',
      occurredAtMode: 'clamp',
    });
    expect(events[0]?.metadata['occurredAt']).toBe('2026-11-25T12:00:00.000Z');
  });

  it('answers an idempotent replay with the first answer, even when the clock has moved on', async () => {
    await open({ occurredAt: '2026-11-25T12:00:00.000Z' });
    const first = await count('c-1', { occurredAt: '2026-11-26T12:00:00.000Z' });
    clock.advance(20 * DAY);
    // 20 days later the window would refuse this back-dating: the first answer stands all the same.
    const again = await new CommandPipeline(store, clock, { factDates }).execute(tallyWorkflow, null, {
      streamId: 'tally-1',
      command: { type: 'Count', data: { by: 1 } },
      commandId: 'c-1',
      actor: rep,
      occurredAt: '2026-11-26T12:00:00.000Z',
    });
    expect(again).toEqual({ ...first, duplicate: true });
    await expect(count('c-1', { occurredAt: '2026-11-27T12:00:00.000Z' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('stamps recordedAt on each attempt, so a retry after a lost race is stamped later', async () => {
    await open();
    // A clock that ticks one second per reading: the stamp shows how many attempts read it.
    const ticking = { now: () => (clock.advance(1_000), clock.now()) };
    const racing = new CommandPipeline(store, ticking, { factDates });
    await racing.load(tallyWorkflow, 'tally-1');
    await count('c-1');
    // `racing` trusts its stale cache first (09:00:01), loses the append, reloads and reads again (09:00:02).
    const { events } = await racing.execute(tallyWorkflow, null, {
      streamId: 'tally-1',
      command: { type: 'Count', data: { by: 1 } },
      commandId: 'c-2',
      actor: rep,
    });
    expect(events[0]).toMatchObject({ revision: 2, metadata: { recordedAt: '2026-12-02T09:00:02.000Z' } });
  });
});
