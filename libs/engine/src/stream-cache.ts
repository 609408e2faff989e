import type { StreamRevision } from '@ltc/event-store';

/** What the engine knows of one stream: its folded state, revision, and the commands already applied. */
export type StreamView<S> = {
  state: S;
  revision: StreamRevision;
  /** commandId -> the revisions its events took and the digest of the command. */
  commands: Map<string, AppliedCommand>;
  /** The hash of the stream's last event, which the next event chains to. */
  lastHash: string | null;
  /** The business time of the stream's last event; the next one may not be earlier. */
  lastOccurredAt: string | null;
};

export type AppliedCommand = Readonly<{ hash: string; actor: string; first: number; last: number }>;

/**
 * A bounded cache of folded streams. Only a cache: the engine always reads the stream's tail after the
 * cached revision, so another writer (another process) is never missed.
 */
export class StreamCache {
  private readonly views = new Map<string, StreamView<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(key: string): StreamView<S> | undefined {
    const view = this.views.get(key);
    if (view === undefined) return undefined;
    // Re-insert to keep Map order as least-recently-used first.
    this.views.delete(key);
    this.views.set(key, view);
    return view as StreamView<S>;
  }

  set<S>(key: string, view: StreamView<S>): void {
    this.views.delete(key);
    this.views.set(key, view);
    while (this.views.size > this.capacity) {
      const oldest = this.views.keys().next().value;
      if (oldest === undefined) break;
      this.views.delete(oldest);
    }
  }

  delete(key: string): void {
    this.views.delete(key);
  }
}
