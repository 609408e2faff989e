import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent, events, idsOf } from '../../test/contract/fixtures';
import type { EventStore } from '../event-store.port';
import { MemoryEventStore } from '../memory/memory-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ConcurrencyError, DuplicateEventIdError } from './event-store.errors';

const dir = mkdtempSync(join(tmpdir(), 'ltc-dup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// EventStoreDB keeps ids unique per stream only, so these live outside the shared contract.
describe.each([
  ['memory', () => new MemoryEventStore()],
  ['sqlite', () => new SqliteEventStore({ file: join(dir, `${Math.random()}.sqlite`) })],
])('%s: event ids are unique across the whole store', (_, open: () => EventStore) => {
  let store: EventStore;
  beforeEach(() => {
    store = open();
  });
  afterEach(() => store.close());

  it('an id already stored in another stream is a DuplicateEventIdError, and nothing is stored', async () => {
    const event = anEvent();
    await store.append('lead-1', [event], 'noStream');
    await expect(store.append('lead-2', [event], 'noStream')).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.streamRevision('lead-2')).toBe('noStream');
  });

  it('a batch whose later event is already stored is refused whole', async () => {
    const [a, b] = events(2);
    await store.append('lead-1', [a!], 'noStream');
    const fresh = anEvent();
    await expect(store.append('lead-1', [fresh, a!], 0)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append('lead-1', [b!, a!], 'any')).rejects.toBeInstanceOf(ConcurrencyError);
    expect(idsOf(await store.readStream('lead-1'))).toEqual([a!.id]);
    expect(await store.headPosition()).toBe((await store.readStream('lead-1'))[0]?.position);
  });

  it('close completes open subscriptions', async () => {
    let completed = false;
    store.subscribeAll().subscribe({ complete: () => (completed = true) });
    await store.close();
    expect(completed).toBe(true);
  });
});
