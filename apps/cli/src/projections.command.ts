import { ProjectionRunner } from '@ltc/projections';
import { ALL_PROJECTIONS } from '@ltc/read-models';
import type { CliCommand } from './commands';
import { positionNumber, ProgressBar } from './progress-bar';
import { openStores } from './store-config';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `ltc projections rebuild [name]`: builds fresh generations from position zero next to the serving ones
 * (a running api keeps answering from those), then swaps them in. `ltc projections status`: checkpoints
 * and lag of every generation.
 */
export const projections: CliCommand = {
  name: 'projections',
  summary: 'read models: rebuild [name] (from zero, swapped in when caught up) | status',
  usage: `Usage:
  ltc projections rebuild [name]   build fresh generations from position zero, swapped in when caught up
  ltc projections status           checkpoint, lag, events and errors of every generation

A running api keeps answering from the serving generations while a rebuild runs.

Options:
  --data-dir <dir>   the data directory (default: DATA_DIR, else ./data)

Environment: DATA_DIR, EVENT_STORE, SQLITE_FILE, EVENTSTORE_CONNECTION_STRING.
`,
  options: { 'data-dir': { type: 'string' } },
  run: async (values, [action, name]) => {
    const stores = openStores(process.env, text(values['data-dir']));
    try {
      if (action === 'status') return await status(stores);
      if (action === 'rebuild') return await rebuild(stores, name);
      throw new Error('usage: ltc projections rebuild [name] | status');
    } finally {
      await stores.close();
    }
  },
};

async function status(stores: ReturnType<typeof openStores>): Promise<number> {
  const runner = new ProjectionRunner({
    store: stores.events,
    readModels: stores.readModels(),
    projections: ALL_PROJECTIONS,
  });
  for (const s of await runner.status()) {
    out(
      `${s.name}\tv${s.version}\tgeneration ${s.generation}\t${s.status}\tposition ${s.position ?? '-'}\t` +
        `lag ${s.lag ?? '?'}\tevents ${s.events}\terrors ${s.errors}`,
    );
  }
  return 0;
}

async function rebuild(stores: ReturnType<typeof openStores>, name: string | undefined): Promise<number> {
  const names = name === undefined ? ALL_PROJECTIONS.map((p) => p.name) : [name];
  const unknown = names.find((n) => !ALL_PROJECTIONS.some((p) => p.name === n));
  if (unknown !== undefined) {
    throw new Error(`no projection "${unknown}"; there are ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  }
  const head = positionNumber(await stores.events.headPosition());
  let failed: (error: Error) => void = () => undefined;
  const runner = new ProjectionRunner({
    store: stores.events,
    readModels: stores.readModels(),
    projections: ALL_PROJECTIONS,
    rebuild: names,
    label: 'cli',
    batchSize: 5000,
    logger: {
      log: () => undefined,
      warn: (message) => void process.stderr.write(`WARNING: ${message}\n`),
      error: (message) => failed(new Error(message)),
    },
  });
  const bar = new ProgressBar(`rebuilding ${names.join(', ')}`, head);
  const started = Date.now();
  let interrupted = false;
  const finished = new Promise<void>((resolve, reject) => {
    failed = reject;
    void runner.done.then(resolve);
    runner.updates.subscribe({
      next: (update) => bar.update(positionNumber(update.position)),
      complete: () => (interrupted ? reject(new Error('rebuild interrupted; run it again')) : resolve()),
    });
  });
  const stop = () => {
    interrupted = true;
    void runner.stop();
  };
  process.once('SIGINT', stop);
  try {
    await runner.start();
    await finished;
  } catch (error) {
    await runner.stop();
    throw error;
  } finally {
    process.off('SIGINT', stop);
  }
  bar.update(head);
  const generations = (await runner.status()).filter((s) => names.includes(s.name));
  await runner.stop();
  bar.done(
    `rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      generations.map((g) => `${g.name} generation ${g.generation} (${g.events} events)`).join(', '),
  );
  return 0;
}
