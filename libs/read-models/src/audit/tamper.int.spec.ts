import { readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteEventStore, StreamHeadMismatchError, type StoredEvent } from '@ltc/event-store';
import { tempDir, generateHistory } from '@ltc/projections/testing';
import { verifyAllStreams, verifyStream } from './audit-verify';

describe('tamper evidence', () => {
  const dir = tempDir('ltc-tamper-');
  afterAll(() => dir.remove());

  it('one byte changed in one stored event of the SQLite file: verify names that event', async () => {
    const file = dir.path('log.sqlite');
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    const appends = [...generateHistory({ seed: 5, events: 1500 })];
    for (const a of appends)
      await store.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    // A delivery acceptance in the middle of a contract's stream: its reference is in no other event.
    const target = appends.find((a) => a.envelopes[0]!.type === 'DeliveryCompleted' && a.revision > 3)!;
    const reference = (target.envelopes[0]!.data as { acceptanceReference: string }).acceptanceReference;
    expect((await verifyStream(store, target.streamId)).ok).toBe(true);
    await store.close(); // checkpoints the WAL into the main file

    const bytes = readFileSync(file);
    const needle = Buffer.from(`"acceptanceReference":"${reference}"`);
    const at = bytes.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(needle, at + 1)).toBe(-1);
    const index = at + needle.length - 2; // the last character of the reference
    bytes[index] = bytes[index] === 0x31 ? 0x32 : 0x31;
    writeFileSync(file, bytes);

    const reopened = new SqliteEventStore({ file });
    const result = await verifyStream(reopened, target.streamId);
    expect(result).toMatchObject({
      streamId: target.streamId,
      ok: false,
      firstBreak: {
        revision: target.revision,
        id: target.envelopes[0]!.id,
        reason: 'hash does not match the event content',
      },
    });
    const all = await verifyAllStreams(reopened);
    expect(all.events).toBe(appends.reduce((n, a) => n + a.envelopes.length, 0));
    expect(all.broken.map((b) => [b.streamId, b.firstBreak?.revision])).toEqual([
      [target.streamId, target.revision],
    ]);
    expect(all).toMatchObject({ missing: [], numbered: true, truncated: null });
    await reopened.close();
  });

  it("a stream's last event deleted: its own verify names it by the stream's head anchor, so does the log's numbering", async () => {
    const file = dir.path('deleted.sqlite');
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    const appends = [...generateHistory({ seed: 6, events: 1500 })];
    for (const a of appends)
      await store.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    const head = (await store.headPosition())!;
    // A stream with several events whose last one is in the middle of the log (say, a lost deal's loss).
    const all: StoredEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    const lastOf = new Map(all.map((e) => [e.streamId, e]));
    const victim = [...lastOf.values()].find((e) => e.revision >= 3 && e.position < all[1000]!.position)!;
    const logLast = all.at(-1)!;
    await store.close();

    const db = new BetterSqlite3(file);
    db.prepare('DELETE FROM events WHERE global_position = ?').run(Number(victim.position));
    db.close();
    const reopened = new SqliteEventStore({ file });
    // The chain of what is left is whole; the head anchor (kept apart from the events) is not reached.
    const own = await verifyStream(reopened, victim.streamId);
    expect(own).toMatchObject({
      streamId: victim.streamId,
      events: victim.revision,
      ok: false,
      firstBreak: {
        revision: victim.revision,
        id: victim.id,
        position: '',
        reason: `the stream ends at revision ${victim.revision - 1}, before its head anchor (revision ${victim.revision}, event ${victim.id}): its last event(s) were deleted`,
      },
    });
    const verified = await verifyAllStreams(reopened);
    expect(verified.broken).toEqual([own]);
    expect(verified.missing).toEqual([{ from: victim.position, to: victim.position, count: 1 }]);
    await reopened.close();

    // The log's own last event leaves no hole: only something that saw further (the read models) tells.
    const db2 = new BetterSqlite3(file);
    db2.prepare('DELETE FROM events WHERE global_position = ?').run(Number(logLast.position));
    db2.close();
    const again = new SqliteEventStore({ file });
    const unaided = await verifyAllStreams(again);
    expect(unaided.truncated).toBeNull();
    // Its stream's own anchor tells without a witness.
    const broken = unaided.broken.map((b) => [b.streamId, b.firstBreak?.revision]);
    expect(broken).toHaveLength(2);
    expect(broken).toEqual(
      expect.arrayContaining([
        [victim.streamId, victim.revision],
        [logLast.streamId, logLast.revision],
      ]),
    );
    const witnessed = await verifyAllStreams(again, { seenUpTo: head });
    expect(witnessed.truncated).toEqual({ head: all.at(-2)!.position, seenUpTo: head });
    expect(witnessed.missing).toEqual([{ from: victim.position, to: victim.position, count: 1 }]);
    await again.close();
  });

  it('a stream whose last event was deleted takes no more appends: a new one would hide the deletion', async () => {
    const file = dir.path('masked.sqlite');
    const store = new SqliteEventStore({ file });
    const appends = [...generateHistory({ seed: 7, events: 200 })];
    for (const a of appends)
      await store.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    const last = appends.filter((a) => a.revision >= 2 && a.envelopes.length === 1).at(-1)!;
    const streamId = last.streamId;
    const head = (await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0]!;
    await store.close();
    const db = new BetterSqlite3(file);
    db.prepare('DELETE FROM events WHERE event_id = ?').run(head.id);
    db.close();

    const reopened = new SqliteEventStore({ file });
    const next = { ...last.envelopes[0]!, id: '00000000-0000-4000-8000-00000000feed' };
    await expect(reopened.append(streamId, [next], head.revision - 1)).rejects.toThrow(
      new StreamHeadMismatchError(streamId, head.revision - 1, { revision: head.revision, id: head.id }),
    );
    expect((await reopened.readStream(streamId)).length).toBe(head.revision);
    expect((await verifyStream(reopened, streamId)).firstBreak?.revision).toBe(head.revision);
    await reopened.close();
  });
});
