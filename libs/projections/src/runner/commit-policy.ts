/** Events a catch-up transaction holds before it commits, unless the runner is told otherwise. */
export const DEFAULT_COMMIT_EVERY = 100_000;

/** What the runner knows once a batch is applied in the open write transaction. */
export type CommitFacts = Readonly<{
  /** The subscription is live: its batches are a few events each, and a reader waits for them. */
  caughtUp: boolean;
  /** The runner paused its subscription (its queue is full): nothing follows soon to group with. */
  paused: boolean;
  /** A generation's next snapshot fell due in this batch (see {@link snapshotCountdown}). */
  snapshotDue: boolean;
  /** Events the open transaction holds, this batch included. */
  uncommitted: number;
  commitEvery: number;
}>;

/**
 * When a batch commits: `now`, or `later` (with the next batches, or when the runner's `commitAfterMs`
 * timer fires). Live batches commit at once; catch-up batches share a transaction until `commitEvery`
 * events, except that a snapshot falling due commits, so the spacing of snapshots does not depend on the
 * commit grouping (a snapshot is taken between commits).
 */
export function whenToCommit(facts: CommitFacts): 'now' | 'later' {
  if (facts.caughtUp || facts.paused || facts.snapshotDue) return 'now';
  return facts.uncommitted >= facts.commitEvery ? 'now' : 'later';
}

/**
 * Events a generation with `snapshots: { every }` may handle after its last commit before its next
 * snapshot falls due: `every` after the events its newest snapshot holds (zero when it has none).
 */
export function eventsUntilSnapshot(
  every: number,
  committedEvents: number,
  lastSnapshotEvents: number | undefined,
): number {
  return (lastSnapshotEvents ?? 0) + every - committedEvents;
}

/** Counts a batch's events down from `left`: the snapshot falls due when none are left. */
export function snapshotCountdown(left: number, events: number): { left: number; due: boolean } {
  const rest = left - events;
  return { left: rest, due: rest <= 0 };
}

/** At most this many snapshots are kept per generation. */
export const SNAPSHOTS_KEPT = 12;

/** At a commit: a generation that handled `every` events since its newest snapshot takes one. */
export function snapshotFallsDue(
  every: number,
  events: number,
  lastSnapshotEvents: number | undefined,
): boolean {
  return events - (lastSnapshotEvents ?? 0) >= every;
}

/**
 * The snapshots to drop once a new one is taken beside `taken` (oldest first): past the limit, every
 * other one but the newest, so the spacing doubles as the log grows and the count stays bounded.
 */
export function snapshotsToDrop<T>(taken: readonly T[], kept = SNAPSHOTS_KEPT): T[] {
  return taken.length + 1 > kept ? taken.filter((_, i) => i % 2 === 1) : [];
}
