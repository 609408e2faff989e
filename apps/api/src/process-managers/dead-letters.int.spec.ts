import type { CommandBus } from '@nestjs/cqrs';
import { DomainError, UpcasterRegistry } from '@ltc/domain';
import { FixedClock, type CommandResult } from '@ltc/engine';
import { MemoryEventStore, type StoredEvent } from '@ltc/event-store';
import { tempDir } from '@ltc/projections/testing';
import { MemoryCheckpointStore } from './checkpoint.store';
import { FileDeadLetterStore } from './dead-letters';
import type { LtcReactions } from './ltc.reactions';
import { ATTEMPTS, ProcessManagers } from './process-managers.service';
import type { Reaction } from './reaction';

class Refused extends DomainError {
  readonly code = 'COMMAND_REFUSED';
}

const done: CommandResult = {
  streamId: 'customer-acme',
  revision: 1,
  position: null,
  events: [],
  state: 'owned',
  allowed: [],
  duplicate: false,
};

/** The process managers with one reaction whose command fails as `failures` says, then succeeds. */
function managers(file: string, failures: (attempt: number) => Error | undefined) {
  const store = new MemoryEventStore();
  const attempts: number[] = [];
  const reaction: Reaction = {
    name: 'flaky',
    eventTypes: ['ThingHappened'],
    react: () => Promise.resolve([{} as never]),
  };
  const commands = {
    execute: () => {
      attempts.push(performance.now());
      const error = failures(attempts.length);
      return error === undefined ? Promise.resolve(done) : Promise.reject(error);
    },
  } as unknown as CommandBus;
  const reactions = { all: () => [reaction] } as unknown as LtcReactions;
  const pm = new ProcessManagers(
    store,
    new MemoryCheckpointStore(),
    new FileDeadLetterStore(file),
    reactions,
    commands,
    new UpcasterRegistry(),
    new FixedClock('2026-12-03T08:00:00.000Z'),
  );
  return { pm, store, attempts };
}

async function anEvent(store: MemoryEventStore): Promise<StoredEvent> {
  const id = '00000000-0000-4000-8000-000000000001';
  const metadata = { actor: 'ann', occurredAt: '2026-12-03T08:00:00.000Z', schemaVersion: 1 };
  await store.append('lead-1', [{ id, type: 'ThingHappened', data: {}, metadata } as never], 'noStream');
  return (await store.readStream('lead-1'))[0]!;
}

describe('process-manager dead letters (a real file)', () => {
  const dir = tempDir('ltc-dead-letters-');
  afterAll(() => dir.remove());

  it('an infrastructure error is tried again after 100 ms, then 200 ms: a success leaves no letter', async () => {
    const file = dir.path('flaky.json');
    const { pm, store, attempts } = managers(file, (n) =>
      n < 3 ? new Error('SQLITE_BUSY: database is locked') : undefined,
    );
    const outcome = await pm.reactTo(await anEvent(store));
    expect(outcome).toEqual({ results: [done], failures: [] });
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(99);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(199);
    expect(pm.stats).toEqual({ handled: 1, failures: 0, deadLetters: 0, oldestDeadLetter: null });
  });

  it(`one that keeps failing is a dead letter after ${ATTEMPTS} attempts, read back from its file`, async () => {
    const file = dir.path('failing.json');
    const { pm, store } = managers(file, () => new Error('SQLITE_BUSY: database is locked'));
    const event = await anEvent(store);
    const outcome = await pm.reactTo(event);
    expect(outcome.failures).toEqual([`flaky on ThingHappened ${event.id}: SQLITE_BUSY: database is locked`]);
    const letter = {
      id: `flaky:${event.id}`,
      reaction: 'flaky',
      event: {
        id: event.id,
        type: 'ThingHappened',
        streamId: 'lead-1',
        revision: 0,
        position: event.position,
      },
      attempts: 3,
      firstFailedAt: '2026-12-03T08:00:00.000Z',
      lastFailedAt: '2026-12-03T08:00:00.000Z',
      error: 'SQLITE_BUSY: database is locked',
    };
    expect(pm.stats).toEqual({ handled: 0, failures: 1, deadLetters: 1, oldestDeadLetter: letter });
    expect(new FileDeadLetterStore(file).all()).toEqual([letter]);
  });

  it('a refusal is a dead letter at once (it will not change by waiting); a later success clears it', async () => {
    const file = dir.path('refused.json');
    let refuse = true;
    const { pm, store, attempts } = managers(file, () => (refuse ? new Refused('no customer') : undefined));
    const event = await anEvent(store);
    await pm.reactTo(event);
    expect(attempts).toHaveLength(1);
    expect(pm.letters()).toMatchObject([{ attempts: 1, error: 'COMMAND_REFUSED: no customer' }]);
    refuse = false;
    // The subscription meeting the event again (or the importer re-running a line) heals the letter too.
    await pm.reactTo(event);
    expect(pm.letters()).toEqual([]);
    expect(new FileDeadLetterStore(file).all()).toEqual([]);
  });
});
