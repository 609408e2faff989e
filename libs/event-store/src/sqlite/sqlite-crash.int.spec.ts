import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../test/contract/fixtures';
import { exited, spawnChild } from '../../test/support/spawn-child';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ltc-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged `acks` appends, SIGKILLs it, and returns the last ack. */
async function killMidStream(file: string, stream: string, acks: number): Promise<number> {
  const child = spawnChild('sqlite-crash-writer.cjs', [file, stream]);
  const done = exited(child);
  let buffered = '';
  let seen = 0;
  let lastAck = -1;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      lastAck = Number(line);
      if (++seen === acks) child.kill('SIGKILL');
    }
  });
  const { signal, stderr } = await done;
  if (signal !== 'SIGKILL') throw new Error(`writer ended without being killed: ${stderr}`);
  return lastAck;
}

describe('SQLite crash safety', () => {
  it('after SIGKILL mid-stream every acknowledged append is there, whole and contiguous, and appending continues', async () => {
    const file = join(dir, 'crash.sqlite');
    const stream = 'crash-1';
    for (const acks of [120, 250, 400]) {
      const lastAck = await killMidStream(file, stream, acks);

      const store = new SqliteEventStore({ file });
      const stored = await store.readStream(stream);
      await store.close();
      expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
      expect(stored.length - 1).toBeGreaterThanOrEqual(lastAck);
      const batches = new Map<string, { size: number; count: number }>();
      for (const { data } of stored) {
        const { key, size } = data as { key: string; size: number };
        const seen = batches.get(key) ?? { size, count: 0 };
        batches.set(key, { size, count: seen.count + 1 });
      }
      for (const batch of batches.values()) expect(batch.count).toBe(batch.size);
    }

    const db = new BetterSqlite3(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = new SqliteEventStore({ file });
    const revision = await store.streamRevision(stream);
    expect(typeof revision).toBe('number');
    await expect(store.append(stream, [anEvent()], revision)).resolves.toMatchObject({
      nextRevision: (revision as number) + 1,
    });
    await store.close();
  }, 20_000);
});
