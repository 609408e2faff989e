import { UpcasterRegistry, type Event } from '@ltc/domain';
import { asPosition, SqliteEventStore, type Position } from '@ltc/event-store';
import { generateHistory } from '../testing/generate-history';
import { StreamStates, type SavedFold } from './stream-states';
import { kindOfStream, STREAM_KINDS, type StreamKind } from './stream-kinds';

type Folded = Readonly<{
  kind: StreamKind;
  streamId: string;
  revision: number;
  event: Event;
  position: Position;
}>;

/** A generated history in log order, each event with its stream, revision and a log position. */
function history(seed: number, events: number): Folded[] {
  const out: Folded[] = [];
  for (const append of generateHistory({ seed, events })) {
    append.envelopes.forEach((event, i) => {
      const kind = kindOfStream(append.streamId);
      if (kind === undefined) return;
      const position = asPosition(String(out.length + 1).padStart(20, '0'));
      out.push({ kind, streamId: append.streamId, revision: append.revision + i, event, position });
    });
  }
  return out;
}

describe('StreamStates: the fold states a snapshot keeps', () => {
  const store = new SqliteEventStore({ file: ':memory:' });
  const states = () => new StreamStates(store, new UpcasterRegistry(), STREAM_KINDS);
  const fold = (into: StreamStates, e: Folded) =>
    into.fold(e.kind, e.streamId, e.revision, e.event, e.position);
  const savedAt = (from: StreamStates, at: Position) =>
    STREAM_KINDS.flatMap((kind) => [...from.saved(kind, at)].map((s) => ({ kind, ...s })));
  afterAll(() => store.close());

  for (const seed of [3, 41, 977]) {
    it(`seed ${seed}: a cache saved at a position and loaded again (after JSON) folds the rest exactly as the original`, () => {
      const log = history(seed, 2000);
      const cut = Math.floor(log.length / 2);
      const at = log[cut - 1]!.position;
      const upToCut = states();
      for (const e of log.slice(0, cut)) expect(fold(upToCut, e)).toBeDefined();
      const saved = savedAt(upToCut, at);
      // Every open stream is saved (final ones are not cached: their machines accept nothing more).
      expect(saved.length).toBe(upToCut.size);
      expect(saved.length).toBeGreaterThan(10);

      const loaded = states();
      const json = JSON.parse(JSON.stringify(saved)) as (SavedFold & { kind: StreamKind })[];
      for (const kind of STREAM_KINDS)
        loaded.load(
          kind,
          json.filter((s) => s.kind === kind),
        );
      for (const e of log.slice(cut)) {
        const expected = fold(upToCut, e);
        // Never a miss: the loaded cache holds every stream at its revision, as the original does.
        expect([e.streamId, e.revision, fold(loaded, e)]).toEqual([e.streamId, e.revision, expected]);
      }

      // A cache that has folded past the position leaves out the streams it moved since, and only those.
      const ahead = states();
      for (const e of log) fold(ahead, e);
      const movedAfter = new Set(log.slice(cut).map((e) => e.streamId));
      const kept = savedAt(ahead, at);
      expect(kept.every((s) => !movedAfter.has(s.streamId))).toBe(true);
      const byId = new Map(saved.map((s) => [s.streamId, s]));
      for (const s of kept) expect(s).toEqual(byId.get(s.streamId));
      expect(kept.length).toBe(saved.filter((s) => !movedAfter.has(s.streamId)).length);
    });
  }
});
