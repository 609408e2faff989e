import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '@ltc/event-store';
import { Generations, ReadModelStore, replayAsOf } from '@ltc/projections';
import { appendHistory, tempDir } from '@ltc/projections/testing';
import { dump } from '../test/support/dump';
import { ALL_PROJECTIONS } from './all-projections';

const CHILD = join(__dirname, '../test/support/projector-child.cjs');

/** Runs the projector in a child; SIGKILLs it after `batches` committed batches (or lets it finish). */
function runChild(logFile: string, readModelsFile: string, batches?: number) {
  // Batches of 97 events, committed by three or more at a time: a kill lands inside a group.
  const child = spawn(process.execPath, [CHILD, logFile, readModelsFile, '97', '250'], { stdio: 'pipe' });
  let out = '';
  let err = '';
  let seen = 0;
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    seen = out.split('\n').length - 1;
    if (batches !== undefined && seen >= batches) child.kill('SIGKILL');
  });
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string; err: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
}

describe('exactly once across crashes', () => {
  jest.setTimeout(120_000);
  const dir = tempDir('ltc-projector-crash-');
  afterAll(() => dir.remove());

  it('a projector SIGKILLed mid-batch several times ends with the same rows as a rebuild from zero', async () => {
    const logFile = dir.path('log.sqlite');
    const readModelsFile = dir.path('read-models.sqlite');
    const store = new SqliteEventStore({ file: logFile, synchronous: 'NORMAL' });
    // With an incentive plan run beside the deals: the statements projection keeps its ledger in memory,
    // which each restart loads again from its committed facts.
    await appendHistory(store, { seed: 77, events: 8000, incentives: { planId: 'gen', correctInMonth: 5 } });
    await store.close();

    const checkpoints: string[] = [];
    for (const batches of [5, 13, 21, 29]) {
      const run = await runChild(logFile, readModelsFile, batches);
      expect({ signal: run.signal, err: run.err }).toEqual({ signal: 'SIGKILL', err: '' });
      const readModels = new ReadModelStore({ file: readModelsFile });
      checkpoints.push(
        new Generations(readModels.db)
          .all()
          .map((g) => `${g.name}@${g.position}`)
          .join(' '),
      );
      readModels.close();
    }
    // Each kill left the checkpoints somewhere else along the log, never where the run started.
    expect(new Set(checkpoints).size).toBe(checkpoints.length);

    const finished = await runChild(logFile, readModelsFile);
    expect({ code: finished.code, err: finished.err }).toEqual({ code: 0, err: '' });
    expect(finished.out).toContain('caught up');

    const readModels = new ReadModelStore({ file: readModelsFile });
    const reopened = new SqliteEventStore({ file: logFile });
    const rebuilt = await replayAsOf(reopened, ALL_PROJECTIONS, {
      position: (await reopened.headPosition())!,
    });
    const after = dump(readModels, ALL_PROJECTIONS);
    expect(after['incentive-statements.statements']!.length).toBeGreaterThan(50);
    expect(after).toEqual(dump(rebuilt.readModels, ALL_PROJECTIONS));
    // Every event was handled once: the per-generation event counts match the rebuild's.
    const handled = (store: ReadModelStore) =>
      new Generations(store.db).all().map((g) => [g.name, g.events, g.errors]);
    expect(handled(readModels)).toEqual(handled(rebuilt.readModels));
    rebuilt.close();
    readModels.close();
    await reopened.close();
  });
});
