import { FakeEsdbServer } from '../../test/support/fake-esdb-server';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Kestrel's default per connection: a read that never cancels its call holds one of these for good.
const STREAMS_PER_CONNECTION = 100;
const READS = 150;

jest.setTimeout(60_000);

let server: FakeEsdbServer;
let store: EventStoreDbEventStore;

beforeEach(async () => {
  // 300 events of ~2 KB: a page of them cannot fit in the HTTP/2 window, so an abandoned page stays open.
  server = await new FakeEsdbServer({ maxConcurrentStreams: STREAMS_PER_CONNECTION, padding: 2000 }).start();
  server.seed('lead-1', 300);
  store = new EventStoreDbEventStore({ connectionString: server.connectionString });
});

afterEach(async () => {
  await store.close();
  server.stop();
});

async function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function settledOpenReads(): Promise<number> {
  for (let i = 0; i < 50 && server.openReads > 0; i++) await new Promise((r) => setTimeout(r, 10));
  return server.openReads;
}

describe('EventStoreDB reads that stop early', () => {
  it(`headPosition cancels its call: ${READS} in a row on one connection never hang`, async () => {
    for (let i = 1; i <= READS; i++) await within(2000, store.headPosition(), `headPosition #${i}`);
    expect(await settledOpenReads()).toBe(0);
  });

  it(`readAll with maxCount cancels its call: ${READS} in a row never hang`, async () => {
    for (let i = 1; i <= READS; i++) {
      const read = async (): Promise<number> => {
        let seen = 0;
        for await (const _ of store.readAll({ maxCount: 2 })) seen += 1;
        return seen;
      };
      expect(await within(2000, read(), `readAll #${i}`)).toBe(2);
    }
    expect(await settledOpenReads()).toBe(0);
  });

  it('a consumer breaking out of readAll cancels the page it was reading', async () => {
    for await (const _ of store.readAll()) break;
    expect(await settledOpenReads()).toBe(0);
  });

  it('a subscription unsubscribed during its backlog cancels the backlog page', async () => {
    await new Promise<void>((resolve) => {
      const subscription = store.subscribeAll().subscribe(() => {
        subscription.unsubscribe();
        resolve();
      });
    });
    expect(await settledOpenReads()).toBe(0);
  });
});
