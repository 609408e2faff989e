import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';

describe('createEventStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-create-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the adapter the configuration names, creating the SQLite file and its folder', async () => {
    const file = join(dir, 'nested', 'ltc.sqlite');
    const sqlite = createEventStore({ kind: 'sqlite', sqliteFile: file });
    expect([sqlite.kind, existsSync(file)]).toEqual(['sqlite', true]);
    await sqlite.close();
    const memory = createEventStore({ kind: 'memory' });
    expect(memory.kind).toBe('memory');
    await memory.close();
    const esdb = createEventStore({ kind: 'eventstoredb', connectionString: 'esdb://127.0.0.1:1?tls=false' });
    expect(esdb.kind).toBe('eventstoredb');
    await esdb.close();
  });

  it('says what is missing', () => {
    expect(() => createEventStore({ kind: 'sqlite' })).toThrow(/needs a file/);
    expect(() => createEventStore({ kind: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });
});
