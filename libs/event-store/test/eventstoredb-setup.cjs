// Jest global setup: decide once where the EventStoreDB contract can run, and say so in one line.
// Workers start after this and inherit process.env, which is how the spec learns the decision.
module.exports = async function eventStoreDbSetup() {
  if (process.env.EVENTSTORE_CONNECTION_STRING) {
    process.env.LTC_ESDB_TARGET = 'connection-string';
    console.log('\nEventStoreDB contract: running against EVENTSTORE_CONNECTION_STRING');
    return;
  }
  try {
    const { getContainerRuntimeClient } = require('testcontainers');
    await getContainerRuntimeClient();
    process.env.LTC_ESDB_TARGET = 'container';
    console.log('\nEventStoreDB contract: running against a testcontainers EventStoreDB');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.env.LTC_ESDB_SKIP = `no EVENTSTORE_CONNECTION_STRING and no container runtime (${reason})`;
    console.log(`\nSKIPPED EventStoreDB contract: ${process.env.LTC_ESDB_SKIP}`);
  }
};
