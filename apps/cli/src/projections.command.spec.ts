import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ltc/event-store';
import { appendHistory } from '@ltc/projections/testing';
import BetterSqlite3 from 'better-sqlite3';
import { main } from './main';

describe('ltc projections and ltc audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-cli-read-models-'));
  const dataDir = join(dir, 'data');
  let out = '';
  let err = '';
  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    delete process.env['SQLITE_FILE'];
    delete process.env['EVENT_STORE'];
    delete process.env['EVENTSTORE_CONNECTION_STRING'];
    const store = new SqliteEventStore({ file: join(dataDir, 'ltc.sqlite'), synchronous: 'NORMAL' });
    await appendHistory(store, { seed: 31, events: 800 });
    await store.close();
  });
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds every projection with a progress bar, then a single one into a new generation', async () => {
    expect(await main(['projections', 'rebuild', '--data-dir', dataDir])).toBe(0);
    expect(err).toMatch(
      /rebuilding funnel, win-rate, activity, gate-decisions, deal-index, forecast, incentive-statements, late-entries \[#+\] 100% \d[\d,]*\/\d[\d,]* events/,
    );
    expect(err).toMatch(
      /rebuilt in [\d.]+ s: activity generation 1 \(\d+ events\), deal-index generation 1 \(\d+ events\), forecast generation 1 \(\d+ events\), funnel generation 1 \(\d+ events\), gate-decisions generation 1 \(\d+ events\), incentive-statements generation 1/,
    );
    expect(await main(['projections', 'rebuild', 'funnel', '--data-dir', dataDir])).toBe(0);
    out = '';
    expect(await main(['projections', 'status', '--data-dir', dataDir])).toBe(0);
    expect(out).toMatch(/^funnel\tv1\tgeneration 2\tserving\tposition \d{20}\tlag 0\tevents \d+\terrors 0$/m);
    expect(out).toMatch(/^win-rate\tv1\tgeneration 1\tserving/m);
  });

  it('refuses an unknown projection', async () => {
    await expect(main(['projections', 'rebuild', 'nope', '--data-dir', dataDir])).rejects.toThrow(
      /no projection "nope"; there are funnel, win-rate, activity, gate-decisions, deal-index/,
    );
  });

  it('verifies every hash chain, exports a timeline, and names the event someone changed', async () => {
    expect(await main(['audit', 'verify', '--all', '--data-dir', dataDir])).toBe(0);
    expect(out).toMatch(/all \d+ streams intact/);

    const db = new BetterSqlite3(join(dataDir, 'ltc.sqlite'));
    const [stream, revision, id] = db
      .prepare<[], [string, number, string]>(
        "SELECT stream_id, revision, event_id FROM events WHERE type = 'LeadQualified' LIMIT 1",
      )
      .raw()
      .get()!;
    const csv = join(dir, 'timeline.csv');
    expect(
      await main(['audit', 'export', stream, '--format', 'csv', '--out', csv, '--data-dir', dataDir]),
    ).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(rows[0]).toMatch(/^revision,position,id,type,/);
    expect(rows[revision + 1]).toContain(`,${id},LeadQualified,`);

    db.prepare(
      'UPDATE events SET data = replace(data, \'"grade":"hot"\', \'"grade":"cold"\') WHERE event_id = ?',
    ).run(id);
    db.prepare(
      'UPDATE events SET data = replace(data, \'"grade":"warm"\', \'"grade":"cold"\') WHERE event_id = ?',
    ).run(id);
    db.close();
    out = '';
    expect(await main(['audit', 'verify', stream, '--data-dir', dataDir])).toBe(1);
    expect(out).toContain(`${stream}: BROKEN at revision ${revision} (event ${id}`);
    expect(await main(['audit', 'verify', '--all', '--data-dir', dataDir])).toBe(1);
  });

  it("names deleted events: a hole in the log's numbering, and a log that ends before the read models", async () => {
    const db = new BetterSqlite3(join(dataDir, 'ltc.sqlite'));
    const head = db.prepare<[], number>('SELECT max(global_position) FROM events').pluck().get()!;
    // The last event of some stream in the middle of the log, and the last event of the log.
    const middle = db
      .prepare<[number], number>(
        `SELECT max(global_position) FROM events GROUP BY stream_id
         HAVING max(global_position) < ? ORDER BY max(global_position) LIMIT 1 OFFSET 10`,
      )
      .pluck()
      .get(head - 100)!;
    db.prepare('DELETE FROM events WHERE global_position IN (?, ?)').run(middle, head);
    db.close();
    const pad = (n: number) => String(n).padStart(20, '0');
    out = '';
    expect(await main(['audit', 'verify', '--all', '--data-dir', dataDir])).toBe(1);
    expect(out).toContain(
      `MISSING positions ${pad(middle)}..${pad(middle)} (1 events): deleted from the log`,
    );
    expect(out).toContain(
      `TRUNCATED: the log ends at ${pad(head - 1)} but the read models reached ${pad(head)}`,
    );
    expect(out).not.toMatch(/all \d+ streams intact/);

    // A runner started on the shorter log records the truncation before it rebuilds the read models
    // that witnessed it, so verify still reports it afterwards.
    expect(await main(['projections', 'rebuild', '--data-dir', dataDir])).toBe(0);
    expect(err).toContain(
      `WARNING: the log ends at ${pad(head - 1)} but the read models had reached ${pad(head)}`,
    );
    out = '';
    expect(await main(['audit', 'verify', '--all', '--data-dir', dataDir])).toBe(1);
    expect(out).toMatch(
      new RegExp(
        `TRUNCATED \\(found [\\dT:.Z-]+, read models rebuilt since\\): the log ended at ${pad(head - 1)} ` +
          `but the read models had reached ${pad(head)}`,
      ),
    );
    expect(out).not.toContain('TRUNCATED: the log ends at');
  });
});
