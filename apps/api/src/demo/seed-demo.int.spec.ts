import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ltc/event-store';
import { verifyAllStreams } from '@ltc/read-models';
import { DEMO_KEYS_FILE, seedDemo, type DemoSummary } from './seed-demo';

// Small enough for CI (a few seconds each): two months of three reps, one per team.
const SMALL = { months: 2, reps: 3, end: '2026-12-01T00:00:00.000Z' } as const;

type LogDigest = { events: number; streams: Map<string, string> };

/** Every stream's last hash and the event count: what "the same log" means here. */
async function digest(dataDir: string): Promise<LogDigest> {
  const store = new SqliteEventStore({ file: join(dataDir, 'ltc.sqlite') });
  const streams = new Map<string, string>();
  let events = 0;
  try {
    for await (const event of store.readAll()) {
      events++;
      streams.set(event.streamId, String(event.metadata['hash']));
    }
  } finally {
    await store.close();
  }
  return { events, streams };
}

describe('demo seed (real engine, simulated clock)', () => {
  const root = mkdtempSync(join(tmpdir(), 'ltc-demo-spec-'));
  const seeded: Record<string, DemoSummary> = {};
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const seed = async (name: string, seedText: string) =>
    (seeded[name] = await seedDemo({ ...SMALL, seed: seedText, dataDir: join(root, name) }));

  it('runs every journey step without a refusal', async () => {
    const summary = await seed('first', 'spec-seed');
    expect(summary.failures).toEqual([]);
    expect(summary.events).toBeGreaterThan(summary.commands); // process managers added their events
    expect(summary.from).toBe('2026-10-01T08:00:00.000Z');
  }, 60_000);

  it('gives the same log for the same seed: every stream ends on the same hash, same event count', async () => {
    await seed('second', 'spec-seed');
    const [first, second] = await Promise.all([digest(join(root, 'first')), digest(join(root, 'second'))]);
    expect(second.events).toBe(first.events);
    expect(second.streams.size).toBe(first.streams.size);
    expect([...second.streams]).toEqual([...first.streams]);
    expect(first.events).toBe(seeded['first']!.events);
  }, 60_000);

  it('gives another log for another seed', async () => {
    await seed('other', 'another-seed');
    const [first, other] = await Promise.all([digest(join(root, 'first')), digest(join(root, 'other'))]);
    expect([...other.streams]).not.toEqual([...first.streams]);
  }, 60_000);

  it('sets forecast categories, makes weekly rep and team calls and publishes exchange rates', async () => {
    // Four months: deals reach solution consensus (their first best case) after the first two.
    await seedDemo({ ...SMALL, months: 4, seed: 'spec-seed', dataDir: join(root, 'forecasts') });
    const store = new SqliteEventStore({ file: join(root, 'forecasts', 'ltc.sqlite') });
    const people = new Set<string>();
    const teams = new Set<string>();
    const calls: { scope: string; personId: string | null; team: string | null }[] = [];
    let categories = 0;
    let rateTables = 0;
    try {
      for await (const event of store.readAll()) {
        if (event.type === 'ForecastCategorySet') categories++;
        if (event.type === 'ExchangeRatesPublished') rateTables++;
        if (event.type === 'ForecastCallMade')
          calls.push(event.data as { scope: string; personId: string | null; team: string | null });
        if (event.streamId.startsWith('person-')) {
          people.add(event.streamId.slice('person-'.length));
          const team = (event.data as { team?: unknown }).team;
          if (typeof team === 'string') teams.add(team);
        }
      }
    } finally {
      await store.close();
    }
    expect(categories).toBeGreaterThan(0);
    expect(rateTables).toBeGreaterThan(0);
    const own = calls.filter((c) => c.scope === 'own');
    const team = calls.filter((c) => c.scope === 'team');
    expect(own.length).toBeGreaterThan(0);
    expect(team.length).toBeGreaterThan(0);
    // Every rep's call is by a person who joined; every team call is for a team someone joined.
    for (const call of own) expect(people).toContain(call.personId);
    for (const call of team) expect(teams).toContain(call.team);
  }, 90_000);

  it('publishes the incentive plan, closes each month but the last, and corrects a closed month', async () => {
    const store = new SqliteEventStore({ file: join(root, 'first', 'ltc.sqlite') });
    const seen: string[] = [];
    try {
      for await (const event of store.readAll()) {
        if (!event.streamId.startsWith('incentive-')) continue;
        const data = event.data as { period?: string; effectiveFrom?: string };
        if (event.type !== 'IncentiveTargetSet')
          seen.push(`${event.type} ${data.period ?? data.effectiveFrom ?? ''}`);
      }
    } finally {
      await store.close();
    }
    // Oct closes on Mon 2 Nov 09:00; the correction (60 % into Oct-Nov, early November) is from October.
    expect(seen).toEqual([
      'IncentivePlanPublished 2026-10',
      'IncentivePeriodOpened 2026-10',
      'IncentivePeriodClosed 2026-10',
      'IncentivePeriodOpened 2026-11',
      'IncentivePlanCorrected 2026-10',
    ]);
  });

  it('passes the hash-chain verification of every stream (what `ltc audit verify --all` runs)', async () => {
    const store = new SqliteEventStore({ file: join(root, 'first', 'ltc.sqlite') });
    try {
      const result = await verifyAllStreams(store);
      expect(result.broken).toEqual([]);
      expect(result.missing).toEqual([]);
      expect(result.events).toBe(seeded['first']!.events);
    } finally {
      await store.close();
    }
  });

  it('keeps the sign-in keys of a manager, a rep and ops beside the data, and refuses a folder in use', async () => {
    const keys = JSON.parse(readFileSync(join(root, 'first', DEMO_KEYS_FILE), 'utf8')) as DemoSummary;
    expect(Object.keys(keys.signIn)).toEqual(['manager', 'rep', 'ops']);
    expect(keys.signIn.manager.key).toMatch(/^ltc_/);
    await expect(seedDemo({ ...SMALL, dataDir: join(root, 'first') })).rejects.toThrow(/is not empty/);
  });
});
