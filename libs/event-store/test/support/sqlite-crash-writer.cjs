// Appends to one stream forever, printing each acknowledged revision; the crash test SIGKILLs it.
require('./register-ts.cjs');
const { SqliteEventStore } = require('../../src/sqlite/sqlite-event-store');
const { batch } = require('./child-events.cjs');

const [file, stream] = process.argv.slice(2);
const store = new SqliteEventStore({ file });

(async () => {
  let revision = await store.streamRevision(stream);
  for (let n = 0; ; n++) {
    // Mostly single events, every third append a batch of 10 that must land whole or not at all.
    const result = await store.append(stream, batch(n % 3 === 0 ? 10 : 1), revision);
    revision = result.nextRevision;
    process.stdout.write(`${revision}\n`);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
