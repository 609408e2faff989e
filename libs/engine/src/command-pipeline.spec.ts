import { UpcasterRegistry } from '@ltc/domain';
import { MemoryEventStore, StreamNotFoundError, type EventStore } from '@ltc/event-store';
import { CommandRefusedError } from '@ltc/workflow-kit';
import { FixedClock } from './clock.port';
import { CommandPipeline, type CommandRequest } from './command-pipeline';
import { ForbiddenError, IdempotencyKeyReusedError } from './engine.errors';
import { eventIdFor } from './event-id';
import { tallyWorkflow, type TallyCommand } from './testing/tally.workflow';

const rep = { id: 'ann', roles: ['rep'] };
const req = (
  commandId: string,
  command: TallyCommand,
  streamId = 'tally-1',
): CommandRequest<TallyCommand> => ({
  streamId,
  command,
  commandId,
  actor: rep,
});
const open = (limit = 100) => req('c-open', { type: 'OpenTally', data: { limit } });

describe('CommandPipeline', () => {
  let store: EventStore;
  let clock: FixedClock;
  let pipeline: CommandPipeline;

  beforeEach(() => {
    store = new MemoryEventStore();
    clock = new FixedClock('2026-03-01T09:00:00.000Z');
    pipeline = new CommandPipeline(store, clock);
  });
  afterEach(() => store.close());

  it('appends the decided events with the metadata of the command', async () => {
    const result = await pipeline.execute(tallyWorkflow, null, { ...open(), correlationId: 'corr-9' });
    expect(result).toMatchObject({ streamId: 'tally-1', revision: 0, state: 'open', duplicate: false });
    expect(result.allowed).toEqual(['Count', 'CloseTally']);
    const [stored] = await store.readStream('tally-1');
    expect(stored).toMatchObject({
      id: eventIdFor('c-open', 0),
      type: 'TallyOpened',
      data: { limit: 100 },
      revision: 0,
      metadata: {
        actor: 'ann',
        actorRoles: ['rep'],
        commandId: 'c-open',
        commandType: 'OpenTally',
        correlationId: 'corr-9',
        causationId: null,
        occurredAt: '2026-03-01T09:00:00.000Z',
        recordedAt: '2026-03-01T09:00:00.000Z',
        schemaVersion: 1,
        machine: 'tally@1',
      },
    });
  });

  it('takes occurredAt from the clock port into the event data the machine needs', async () => {
    await pipeline.execute(tallyWorkflow, null, open());
    clock.advance(60_000);
    const result = await pipeline.execute(
      tallyWorkflow,
      null,
      req('c-1', { type: 'Count', data: { by: 5 } }),
    );
    expect(result.events[0]?.data).toEqual({ by: 5, at: '2026-03-01T09:01:00.000Z' });
  });

  it('answers a repeated command id with the first result and appends nothing', async () => {
    await pipeline.execute(tallyWorkflow, null, open());
    const first = await pipeline.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 5 } }));
    await pipeline.execute(tallyWorkflow, null, req('c-close', { type: 'CloseTally', data: {} }));
    // A fresh pipeline (as after a restart) sees the same: the command log is the event log.
    const again = await new CommandPipeline(store, clock).execute(
      tallyWorkflow,
      null,
      req('c-1', { type: 'Count', data: { by: 5 } }),
    );
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.streamRevision('tally-1')).toBe(2);
  });

  it('refuses a reused command id carrying another command', async () => {
    await pipeline.execute(tallyWorkflow, null, open());
    await pipeline.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 5 } }));
    await expect(
      pipeline.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 6 } })),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.streamRevision('tally-1')).toBe(1);
  });

  it('compares the fingerprint, when the request has one, instead of the data', async () => {
    await pipeline.execute(tallyWorkflow, null, open());
    // `by` stands for a fact the server reads (a count that moved); the client's request is the same.
    const count = (by: number) => ({ ...req('c-1', { type: 'Count', data: { by } }), fingerprint: {} });
    const first = await pipeline.execute(tallyWorkflow, null, count(5));
    await expect(pipeline.execute(tallyWorkflow, null, count(6))).resolves.toEqual({
      ...first,
      duplicate: true,
    });
    await expect(
      pipeline.execute(tallyWorkflow, null, { ...count(5), fingerprint: { other: true } }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.streamRevision('tally-1')).toBe(1);
  });

  it('appends nothing when the machine refuses', async () => {
    await pipeline.execute(tallyWorkflow, null, open(10));
    await expect(
      pipeline.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 11 } })),
    ).rejects.toMatchObject({ refusal: { rule: 'withinLimit', state: 'open' } });
    await expect(pipeline.execute(tallyWorkflow, null, open(10))).resolves.toMatchObject({ duplicate: true });
    await expect(
      pipeline.execute(tallyWorkflow, null, req('c-2', { type: 'OpenTally', data: { limit: 1 } })),
    ).rejects.toBeInstanceOf(CommandRefusedError);
    expect(await store.streamRevision('tally-1')).toBe(0);
  });

  it('answers a command to a stream that does not exist with StreamNotFoundError', async () => {
    await expect(
      pipeline.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 1 } }, 'tally-404')),
    ).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await store.streamRevision('tally-404')).toBe('noStream');
  });

  it('appends nothing when the actor is refused', async () => {
    const deny = () => {
      throw new ForbiddenError('managersOnly', 'only a manager may open a tally');
    };
    await expect(pipeline.execute(tallyWorkflow, null, open(), deny)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await store.streamRevision('tally-1')).toBe('noStream');
  });

  it('sees events another writer appended since it cached the stream', async () => {
    await pipeline.execute(tallyWorkflow, null, open(10));
    const other = new CommandPipeline(store, clock);
    await other.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 10 } }));
    await expect(
      pipeline.execute(tallyWorkflow, null, req('c-2', { type: 'Count', data: { by: 1 } })),
    ).rejects.toMatchObject({ refusal: { rule: 'withinLimit' } });
  });

  it('upcasts stored events on load', async () => {
    await store.append(
      'tally-1',
      [
        {
          id: eventIdFor('legacy', 0),
          type: 'TallyOpened',
          data: { max: 3 },
          metadata: {
            actor: 'ann',
            actorRoles: [],
            commandId: 'legacy',
            correlationId: 'legacy',
            causationId: null,
            occurredAt: '2025-01-01T00:00:00.000Z',
            schemaVersion: 1,
            machine: 'tally@0',
          },
        },
      ],
      'noStream',
    );
    const upcasting = new CommandPipeline(store, clock, {
      upcasters: new UpcasterRegistry([
        { type: 'TallyOpened', fromVersion: 1, upcast: (d) => ({ limit: d['max'] }) },
      ]),
    });
    await expect(
      upcasting.execute(tallyWorkflow, null, req('c-1', { type: 'Count', data: { by: 4 } })),
    ).rejects.toMatchObject({ refusal: { rule: 'withinLimit' } });
    const ok = await upcasting.execute(tallyWorkflow, null, req('c-2', { type: 'Count', data: { by: 3 } }));
    expect(ok).toMatchObject({ revision: 1, duplicate: false });
  });
});
