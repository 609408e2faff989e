import type { Event, UpcasterRegistry } from '@ltc/domain';
import type { EventStore, StoredEvent } from '@ltc/event-store';
import type { Fold } from '../core/projected-event';
import { kindFolders, type FoldState, type KindFolder, type StreamKind } from './stream-kinds';
import { upcastStored } from './upcast';

type Entry = { revision: number; state: FoldState };

/**
 * The machine state of every open stream the run folds, by stream id and revision. It is a cache of a
 * pure function of the log: a stream that is missing or at another revision (after a restart, an
 * eviction, or a runner that moved back) is folded again from its own events before the batch runs.
 * Streams in a final state are dropped, since their machines accept nothing more.
 */
export class StreamStates {
  private readonly entries = new Map<string, Entry>();
  private readonly folders: readonly KindFolder[];
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

  /** Brings every stream of the batch to the revision before its first event here. */
  async prepare(batch: readonly StoredEvent[], kinds: readonly (StreamKind | undefined)[]): Promise<void> {
    const missing = new Map<string, { kind: StreamKind; revision: number }>();
    const seen = new Set<string>();
    for (let i = 0; i < batch.length; i++) {
      const stored = batch[i] as StoredEvent;
      const kind = kinds[i];
      if (kind === undefined || seen.has(stored.streamId) || !this.folds(kind)) continue;
      seen.add(stored.streamId);
      const entry = this.entries.get(stored.streamId);
      const expected = stored.revision - 1;
      if (expected < 0 ? entry !== undefined : entry?.revision !== expected) {
        missing.set(stored.streamId, { kind, revision: stored.revision });
      }
    }
    for (const [streamId, { kind, revision }] of missing) {
      await this.refold(streamId, kind, revision);
    }
  }

  /** Folds the next event of a stream (in log order, after `prepare` of its batch). */
  fold(kind: StreamKind, streamId: string, revision: number, event: Event): Fold<unknown> {
    const folder = this.folderOf(kind);
    const entry = this.entries.get(streamId);
    const state = entry !== undefined && entry.revision === revision - 1 ? entry.state : undefined;
    if (state === undefined && revision !== 0) {
      throw new Error(`${streamId}@${revision}: fold cache not prepared for this batch`);
    }
    const before = state ?? folder.initial();
    const next = folder.step(before, event);
    const after = next ?? before;
    const done = after.status === 'done';
    this.remember(streamId, revision, after, done);
    return {
      before: folder.stateName(before),
      after: next === undefined ? folder.stateName(before) : folder.stateName(after),
      previous: before.context,
      context: after.context,
      done,
      refused: next === undefined,
    };
  }

  get size(): number {
    return this.entries.size;
  }

  private async refold(streamId: string, kind: StreamKind, revision: number): Promise<void> {
    this.refolds++;
    this.entries.delete(streamId);
    if (revision === 0) return;
    const folder = this.folderOf(kind);
    const earlier = await this.store.readStream(streamId, { from: 0, maxCount: revision });
    let state = folder.initial();
    for (const stored of earlier) state = folder.step(state, upcastStored(this.upcasters, stored)) ?? state;
    this.remember(streamId, revision - 1, state, false);
  }

  private remember(streamId: string, revision: number, state: FoldState, done: boolean): void {
    if (done) {
      this.entries.delete(streamId);
      return;
    }
    const entry = this.entries.get(streamId);
    if (entry !== undefined) {
      entry.revision = revision;
      entry.state = state;
      return;
    }
    this.entries.set(streamId, { revision, state });
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
