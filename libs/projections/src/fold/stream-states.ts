import type { Event, UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position } from '@ltc/event-store';
import type { SavedState } from '@ltc/workflow-kit';
import type { Fold } from '../core/projected-event';
import { kindFolders, kindOfStream, type FoldState, type KindFolder, type StreamKind } from './stream-kinds';

/** `position` is the log position of the stream's event at `revision`; null when loaded from a snapshot. */
type Entry = { revision: number; position: Position | null; state: FoldState };

/** One stream's fold state as a snapshot keeps it (plain data): the stream, its revision, its state. */
export type SavedFold = Readonly<{ streamId: string; revision: number; saved: SavedState }>;

/**
 * The machine state of every open stream the run folds, by stream id and revision. It is a cache of a
 * pure function of the log: a stream that is missing or at another revision (after a restart, an
 * eviction, or a runner that moved back) is folded again from its own events when its next event comes.
 * Streams in a final state are dropped, since their machines accept nothing more.
 * `folders` is searched linearly: there are at most six kinds.
 */
export class StreamStates {
  private readonly entries = new Map<string, Entry>();
  private readonly folders: readonly KindFolder[];
  /** Streams folded again from their earlier events (read from the store) since this cache was made. */
  refolds = 0;

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    kinds: Iterable<StreamKind>,
    private readonly maxEntries = 200_000,
  ) {
    const all = kindFolders();
    this.folders = [...new Set(kinds)].map((kind) => all[kind]);
  }

  folds(kind: StreamKind): boolean {
    return this.folders.some((f) => f.kind === kind);
  }

  /**
   * Folds the next event of a stream, in log order. `undefined` when the cache does not hold the stream
   * at the revision before this event: `refold` it from the store, then fold again.
   */
  fold(
    kind: StreamKind,
    streamId: string,
    revision: number,
    event: Event,
    position: Position | null = null,
  ): Fold<unknown> | undefined {
    const folder = this.folderOf(kind);
    const entry = this.entries.get(streamId);
    let before: FoldState;
    if (entry !== undefined && entry.revision === revision - 1) before = entry.state;
    else if (revision === 0 && entry === undefined) before = folder.initial();
    else return undefined;
    const next = folder.step(before, event);
    const after = next ?? before;
    const done = after.status === 'done';
    if (done) this.entries.delete(streamId);
    else if (entry !== undefined) {
      entry.revision = revision;
      entry.position = position;
      entry.state = after;
    } else this.add(streamId, revision, position, after);
    return {
      before: folder.stateName(before),
      after: next === undefined ? folder.stateName(before) : folder.stateName(after),
      previous: before.context,
      context: after.context,
      done,
      refused: next === undefined,
    };
  }

  /** Folds a stream again from its own events up to the one before `revision` (a miss of the cache). */
  async refold(kind: StreamKind, streamId: string, revision: number): Promise<void> {
    this.entries.delete(streamId);
    if (revision === 0) return;
    this.refolds++;
    const folder = this.folderOf(kind);
    const earlier = await this.store.readStream(streamId, { from: 0, maxCount: revision });
    let state = folder.initial();
    for (const stored of earlier) state = folder.step(state, this.upcasters.upcastStored(stored)) ?? state;
    this.add(streamId, revision - 1, earlier.at(-1)?.position ?? null, state);
  }

  /**
   * The cached states of streams of `kind` as they stood at log position `at` (every event up to it
   * folded): a stream whose last folded event is after `at` is left out, as is one whose position is not
   * known. For a snapshot at `at`, so that a replay from it does not fold those streams again.
   */
  *saved(kind: StreamKind, at: Position): Generator<SavedFold> {
    if (!this.folds(kind)) return;
    const folder = this.folderOf(kind);
    for (const [streamId, entry] of this.entries) {
      if (entry.position === null || entry.position > at || kindOfStream(streamId) !== kind) continue;
      yield { streamId, revision: entry.revision, saved: folder.save(entry.state) };
    }
  }

  /** Seeds the cache with states a snapshot kept (a stream already cached is left as it is). */
  load(kind: StreamKind, folds: Iterable<SavedFold>): number {
    if (!this.folds(kind)) return 0;
    const folder = this.folderOf(kind);
    let loaded = 0;
    for (const fold of folds) {
      if (this.entries.has(fold.streamId)) continue;
      this.add(fold.streamId, fold.revision, null, folder.load(fold.saved));
      loaded++;
    }
    return loaded;
  }

  get size(): number {
    return this.entries.size;
  }

  private add(streamId: string, revision: number, position: Position | null, state: FoldState): void {
    this.entries.set(streamId, { revision, position, state });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  private folderOf(kind: StreamKind): KindFolder {
    const folder = this.folders.find((f) => f.kind === kind);
    if (folder === undefined) throw new Error(`stream kind ${kind} is not folded in this run`);
    return folder;
  }
}
