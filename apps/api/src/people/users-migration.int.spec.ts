import { mkdirSync, mkdtempSync, rmdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { occurredAtOf } from '@ltc/domain';
import { CommandPipeline, FixedClock } from '@ltc/engine';
import { SqliteEventStore, type StoredEvent } from '@ltc/event-store';
import { issueApiKey } from '@ltc/users';
import { SYSTEM_ACTOR } from '../access/access.service';
import { migrateUsersFile } from './users-migration';

const now = '2026-06-01T12:00:00.000Z';
const key = (createdAt: string) => issueApiKey(createdAt).record;

/** A users file as it was before people were in the log: roles, team and manager on each user. */
function legacyFile(dir: string): string {
  const file = join(dir, 'users.json');
  const users = [
    { id: 'bob', name: 'Bob', roles: ['manager'], team: 'east', apiKeys: [key('2026-01-02T08:00:00.000Z')] },
    {
      id: 'ann',
      name: 'Ann',
      roles: ['rep'],
      team: 'east',
      manager: 'bob',
      apiKeys: [key('2026-02-01T08:00:00.000Z'), key('2026-01-10T08:00:00.000Z')],
    },
    {
      id: 'ann-phone',
      person: 'ann',
      roles: ['rep'],
      team: 'east',
      apiKeys: [key('2026-03-01T00:00:00.000Z')],
    },
    { id: 'ada', roles: ['admin', 'manager'], team: 'hq', apiKeys: [] },
  ];
  writeFileSync(file, JSON.stringify({ version: 1, users }));
  return file;
}

/** One start of the api: a fresh store handle on the same file, a pipeline, the migration. */
async function start(db: string, file: string) {
  const store = new SqliteEventStore({ file: db });
  const pipeline = new CommandPipeline(store, new FixedClock(now));
  const warnings: string[] = [];
  const result = await migrateUsersFile(file, {
    pipeline,
    actor: SYSTEM_ACTOR,
    now,
    warn: (w) => warnings.push(w),
  });
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  await store.close();
  return { result, events, warnings };
}

describe('first start: a users file from before people were in the log is taken into the log once', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ltc-migrate-'));
  });

  it('appends one PersonJoined per person, effective at the first key, and drops the file’s org fields', async () => {
    const file = legacyFile(dir);
    const { result, events } = await start(join(dir, 'ltc.sqlite'), file);
    expect(result).toMatchObject({ joined: ['bob', 'ann', 'ada'], alreadyInLog: ['ann-phone'], refused: [] });
    expect(result.cleaned).toBe(4);
    expect(events.map((e) => [e.streamId, e.type, occurredAtOf(e.metadata)])).toEqual([
      ['person-bob', 'PersonJoined', '2026-01-02T08:00:00.000Z'],
      // ann's earliest key is the second one listed.
      ['person-ann', 'PersonJoined', '2026-01-10T08:00:00.000Z'],
      // no key: joined at the start itself.
      ['person-ada', 'PersonJoined', now],
    ]);
    expect(events[1]?.data).toEqual({ name: 'Ann', orgRoles: ['rep'], team: 'east', manager: 'bob' });
    expect(events[2]?.data).toMatchObject({ orgRoles: ['manager', 'admin'] });
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toMatch(/"team"|"roles"|"manager"/);
    expect(JSON.parse(stored).users.map((u: { person: string }) => u.person)).toEqual([
      'bob',
      'ann',
      'ann',
      'ada',
    ]);
  });

  it('starting twice gives one set of person events', async () => {
    const db = join(dir, 'ltc.sqlite');
    const file = legacyFile(dir);
    const first = await start(db, file);
    const second = await start(db, file);
    expect(second.result).toEqual({ joined: [], alreadyInLog: [], refused: [], cleaned: 0 });
    expect(second.events).toEqual(first.events);
  });

  it('appends nothing twice when the file could not be cleaned the first time', async () => {
    const db = join(dir, 'db.sqlite');
    const file = legacyFile(dir);
    // The atomic write's temp file cannot be created (a folder stands there), whoever runs the test.
    const blocker = `${file}.${process.pid}.tmp`;
    mkdirSync(blocker);
    const first = await start(db, file);
    rmdirSync(blocker);
    expect(first.result.cleaned).toBe(0);
    expect(first.warnings[0]).toMatch(/kept its org fields \(the log now holds them\)/);
    const second = await start(db, file);
    expect(second.result).toMatchObject({
      joined: [],
      alreadyInLog: ['bob', 'ann', 'ann-phone', 'ada'],
      cleaned: 4,
    });
    expect(second.events).toEqual(first.events);
  });

  it('reports a user the person workflow refuses and leaves their fields for a manager to fix', async () => {
    const file = join(dir, 'users.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        users: [{ id: 'zed', roles: ['rep'], team: 'x'.repeat(201), apiKeys: [] }],
      }),
    );
    const { result, events } = await start(join(dir, 'ltc.sqlite'), file);
    expect(result.refused).toEqual([
      { user: 'zed', reason: expect.stringMatching(/team must be at most 200/) },
    ]);
    expect(events).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('"team"');
  });
});
