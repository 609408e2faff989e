// One of several processes appending to the same stream of one file: re-read and retry on conflict.
require('./register-ts.cjs');
const { SqliteEventStore } = require('../../src/sqlite/sqlite-event-store');
const { ConcurrencyError } = require('../../src/core/event-store.errors');
const { batch } = require('./child-events.cjs');

const [file, stream, count] = process.argv.slice(2);
const store = new SqliteEventStore({ file, busyTimeoutMs: 10_000 });

// Say ready, then wait for the parent's "go" on stdin, so all writers really start together.
const go = new Promise((resolve) => process.stdin.once('data', resolve));
process.stdout.write('ready\n');

(async () => {
  await go;
  const ids = [];
  let conflicts = 0;
  for (let i = 0; i < Number(count); i++) {
    const events = batch(1, { writer: process.pid });
    for (;;) {
      const revision = await store.streamRevision(stream);
      try {
        await store.append(stream, events, revision);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        conflicts++;
      }
    }
    ids.push(events[0].id);
  }
  await store.close();
  process.stdout.write(JSON.stringify({ ids, conflicts }));
  process.stdin.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
