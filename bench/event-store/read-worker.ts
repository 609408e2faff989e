import { SqliteEventStore } from '@ltc/event-store';
import { performance } from 'node:perf_hooks';
import { openRaw } from './raw-sqlite';

// A child process of the bench: reads the whole log one way and reports speed and its own peak RSS,
// so the number is the reader's memory, not what the bench used to build the file.
type Mode = 'adapter' | 'raw' | 'raw-rows';
type Quote = { amount: { amountMinor: number } };

async function read(mode: Mode, file: string): Promise<{ events: number; checksum: number }> {
  let events = 0;
  let checksum = 0;
  if (mode === 'adapter') {
    const store = new SqliteEventStore({ file });
    for await (const event of store.readAll()) {
      events++;
      checksum += (event.data as Quote).amount.amountMinor;
    }
    await store.close();
    return { events, checksum };
  }
  const db = openRaw(file);
  const rows = db
    .prepare<[], [number, string, string, number, string, string, string, string]>(
      `SELECT global_position, event_id, stream_id, revision, type, data, metadata, recorded_at
       FROM events ORDER BY global_position`,
    )
    .raw()
    .iterate();
  for (const row of rows) {
    events++;
    if (mode === 'raw') {
      checksum += (JSON.parse(row[5]) as Quote).amount.amountMinor;
      JSON.parse(row[6]);
    } else {
      checksum += row[5].length;
    }
  }
  db.close();
  return { events, checksum };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2) as [Mode, string];
  const started = performance.now();
  const { events, checksum } = await read(mode, file);
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ mode, events, checksum, perSecond: events / seconds, peakRssMb }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
