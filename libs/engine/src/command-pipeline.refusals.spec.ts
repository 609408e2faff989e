import { MemoryEventStore, StreamNotFoundError, type EventStore } from '@ltc/event-store';
import { CommandRefusedError } from '@ltc/workflow-kit';
import { FixedClock } from './clock.port';
import { CommandPipeline, type Authorize, type CommandRequest } from './command-pipeline';
import { ForbiddenError } from './engine.errors';
import { tallyWorkflow, type TallyCommand } from './testing/tally.workflow';

type TallyState = Parameters<typeof tallyWorkflow.decide>[1];

const rep = { id: 'ann', roles: ['rep'] };
const req = (commandId: string, command: TallyCommand): CommandRequest<TallyCommand> => ({
  streamId: 'tally-1',
  command,
  commandId,
  actor: rep,
});
const open = (limit: number) => req('c-open', { type: 'OpenTally', data: { limit } });
const count = (commandId: string, by: number) => req(commandId, { type: 'Count', data: { by } });

/** The tally workflow with its decide counted. */
function countedTally() {
  const decide = jest.fn(tallyWorkflow.decide);
  return { workflow: { ...tallyWorkflow, decide }, decide };
}

/** Refuses every Count until the tally has been counted once by someone else. */
const afterFirstCount = jest.fn<ReturnType<Authorize<TallyState, TallyCommand>>, [unknown, TallyState]>(
  (_request, state) => {
    if (state.context.counts === 0) throw new ForbiddenError('countedOnce', 'count after the first count');
  },
);

describe('CommandPipeline refusals on cached state', () => {
  let store: EventStore;
  let clock: FixedClock;

  beforeEach(() => {
    store = new MemoryEventStore();
    clock = new FixedClock('2026-03-01T09:00:00.000Z');
    afterFirstCount.mockClear();
  });
  afterEach(() => store.close());

  it('runs authorise once when the cache is the stored head', async () => {
    const pipeline = new CommandPipeline(store, clock);
    await pipeline.execute(tallyWorkflow, null, open(10));
    const deny = jest.fn(() => {
      throw new ForbiddenError('managersOnly', 'only a manager may count');
    });
    await expect(pipeline.execute(tallyWorkflow, null, count('c-1', 1), deny)).rejects.toMatchObject({
      rule: 'managersOnly',
    });
    expect(deny).toHaveBeenCalledTimes(1);
  });

  it('runs decide once when the machine refuses on a fresh cache, reading only the empty tail', async () => {
    const { workflow, decide } = countedTally();
    const pipeline = new CommandPipeline(store, clock);
    await pipeline.execute(workflow, null, open(10));
    decide.mockClear();
    const reads = jest.spyOn(store, 'readStream');
    await expect(pipeline.execute(workflow, null, count('c-1', 11))).rejects.toMatchObject({
      refusal: { rule: 'withinLimit' },
    });
    expect(decide).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls).toEqual([['tally-1', { from: 1 }]]);
  });

  it('answers a refusal on a stream it has just read without reading again', async () => {
    const { workflow, decide } = countedTally();
    await new CommandPipeline(store, clock).execute(workflow, null, open(10));
    decide.mockClear();
    const cold = new CommandPipeline(store, clock);
    const reads = jest.spyOn(store, 'readStream');
    await expect(cold.execute(workflow, null, count('c-1', 11))).rejects.toBeInstanceOf(CommandRefusedError);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('judges again when another writer moved the stream past the cached revision', async () => {
    const pipeline = new CommandPipeline(store, clock);
    await pipeline.execute(tallyWorkflow, null, open(10));
    await new CommandPipeline(store, clock).execute(tallyWorkflow, null, count('c-other', 2));
    const result = await pipeline.execute(tallyWorkflow, null, count('c-1', 3), afterFirstCount);
    expect(result).toMatchObject({ revision: 2, duplicate: false });
    expect(afterFirstCount).toHaveBeenCalledTimes(2);
  });

  it('finds a stream another writer created after it cached the stream as missing', async () => {
    const pipeline = new CommandPipeline(store, clock);
    await expect(pipeline.execute(tallyWorkflow, null, count('c-1', 1))).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    await new CommandPipeline(store, clock).execute(tallyWorkflow, null, open(10));
    await expect(pipeline.execute(tallyWorkflow, null, count('c-1', 1))).resolves.toMatchObject({
      revision: 1,
    });
  });

  it('still refuses on the stored head when the stale cache would have allowed', async () => {
    const pipeline = new CommandPipeline(store, clock);
    await pipeline.execute(tallyWorkflow, null, open(10));
    await new CommandPipeline(store, clock).execute(tallyWorkflow, null, count('c-other', 10));
    await expect(pipeline.execute(tallyWorkflow, null, count('c-1', 1))).rejects.toMatchObject({
      refusal: { rule: 'withinLimit' },
    });
    expect(await store.streamRevision('tally-1')).toBe(1);
  });
});
