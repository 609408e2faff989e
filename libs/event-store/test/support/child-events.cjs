// Event envelopes for the child-process writers; plain JS so children need no test framework.
const { randomUUID } = require('node:crypto');

const metadata = {
  actor: 'child',
  actorRoles: ['ops'],
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion: 1,
  machine: 'child@1',
};

/** `size` events that all carry their batch's key and size, so a reader can tell a torn batch. */
module.exports.batch = function batch(size, extra = {}) {
  const key = randomUUID();
  return Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    type: 'Ticked',
    data: { key, size, i, pad: 'x'.repeat(256), ...extra },
    metadata: { ...metadata, pid: process.pid },
  }));
};
