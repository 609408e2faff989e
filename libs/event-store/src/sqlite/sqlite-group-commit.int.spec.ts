import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { events, uniqueStream } from '../../test/contract/fixtures';
import { ConcurrencyError } from '../core/event-store.errors';
import { SqliteEventStore } from './sqlite-event-store';

describe('sqlite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-sqlite-group-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('commits appends of one turn together, each judged alone and in arrival order', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'group.sqlite') });
    const [a, b, c] = [uniqueStream(), uniqueStream(), uniqueStream()];
    // Five appends in one turn: two to `a` in order, one wrong expectation on `b`, one to `c`.
    const outcomes = await Promise.allSettled([
      store.append(a, events(2), 'noStream'),
      store.append(a, events(1), 1),
      store.append(b, events(1), 5),
      store.append(c, events(3), 'noStream'),
      store.append(a, events(1), 1),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ expected: 1, actual: 2 });
    expect((await store.readStream(a)).map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(await store.streamRevision(b)).toBe('noStream');
    expect(await store.streamRevision(c)).toBe(2);
    await store.close();
  });

  it('commits what was accepted before the store closes', async () => {
    const file = join(dir, 'close.sqlite');
    const store = new SqliteEventStore({ file });
    const stream = uniqueStream();
    const appended = store.append(stream, events(2), 'noStream');
    await store.close();
    await expect(appended).resolves.toMatchObject({ nextRevision: 1 });
    const reopened = new SqliteEventStore({ file });
    expect(await reopened.streamRevision(stream)).toBe(1);
    await reopened.close();
  });
});
