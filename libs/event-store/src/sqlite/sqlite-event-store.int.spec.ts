import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../test/contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'ltc-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Small pages so reads and subscriptions cross page boundaries inside the contract.
describeEventStoreContract('sqlite', () =>
  Promise.resolve(new SqliteEventStore({ file: join(dir, 'contract.sqlite'), pageSize: 16 })),
);
