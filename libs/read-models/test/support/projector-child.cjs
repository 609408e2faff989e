// Runs the projection runner over a SQLite log until it has caught up, printing each commit; the
// exactly-once test SIGKILLs it in the middle of its work (a commit groups several batches).
require('./register-ts.cjs');
const { SqliteEventStore } = require('@ltc/event-store');
const { ProjectionRunner, ReadModelStore } = require('@ltc/projections');
const { ALL_PROJECTIONS } = require('../../src');

const [logFile, readModelsFile, batchSize, commitEvery] = process.argv.slice(2);
const store = new SqliteEventStore({ file: logFile });
const readModels = new ReadModelStore({ file: readModelsFile });
const runner = new ProjectionRunner({
  store,
  readModels,
  projections: ALL_PROJECTIONS,
  batchSize: Number(batchSize),
  commitEvery: Number(commitEvery),
  label: 'child',
});
runner.updates.subscribe((update) => {
  if (update.kind === 'batch') process.stdout.write(`${update.name} ${update.position}\n`);
});
runner
  .start()
  .then(() => runner.catchUp())
  .then(async () => {
    process.stdout.write('caught up\n');
    await runner.stop();
    readModels.close();
    await store.close();
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
