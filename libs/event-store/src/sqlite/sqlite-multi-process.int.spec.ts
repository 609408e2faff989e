import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Recorder } from '../../test/contract/fixtures';
import { exited, spawnChild } from '../../test/support/spawn-child';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ltc-multi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite with several processes on one file', () => {
  it('racing writers each land every event once, in one gapless stream, and a live subscriber sees them all', async () => {
    const file = join(dir, 'shared.sqlite');
    const perWriter = 150;
    const watcher = new SqliteEventStore({ file, pollIntervalMs: 20 });
    const recorder = new Recorder(watcher.subscribeAll({ filter: { streamPrefixes: ['race-'] } }));
    try {
      await recorder.until((r) => r.caughtUpAt >= 0);
      const children = [0, 1, 2].map(() =>
        spawnChild('sqlite-racing-writer.cjs', [file, 'race-1', String(perWriter)]),
      );
      const results = children.map(exited);
      await Promise.all(children.map((child) => new Promise((ready) => child.stdout.once('data', ready))));
      for (const child of children) child.stdin.write('go\n');
      const reports = (await Promise.all(results)).map(({ code, stdout, stderr }) => {
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
        return JSON.parse(stdout.replace('ready\n', '')) as { ids: string[]; conflicts: number };
      });
      // The writers really overlapped: some of them lost a race and retried.
      expect(reports.reduce((sum, r) => sum + r.conflicts, 0)).toBeGreaterThan(0);

      const stored = await watcher.readStream('race-1');
      expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
      expect(stored).toHaveLength(3 * perWriter);
      expect(stored.map((e) => e.id).sort()).toEqual(reports.flatMap((r) => r.ids).sort());

      await recorder.until((r) => r.events.length >= 3 * perWriter);
      expect(recorder.events.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    } finally {
      recorder.stop();
      await watcher.close();
    }
  }, 30_000);
});
