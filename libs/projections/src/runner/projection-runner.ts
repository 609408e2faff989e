import type { UpcasterRegistry } from '@ltc/domain';
import type { EventStore, Position, StoredEvent } from '@ltc/event-store';
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { AnyProjection } from '../core/projection';
import { Generations, type Generation } from '../store/generations';
import type { ReadModelStore } from '../store/read-model-store';
import { recordLogTruncation } from '../store/log-truncations';
import { maybeSnapshot, snapshotsOf } from '../store/snapshots';
import { DEFAULT_COMMIT_EVERY, eventsUntilSnapshot, snapshotCountdown, whenToCommit } from './commit-policy';
import { BatchProjector, type Target } from './batch-projector';
import { positionsBehind } from './lag';
import type { ProjectionStatus, ProjectionUpdate } from './projection-status';
import { leaseOwner } from './lease';
import { TargetPlanner } from './target-plan';

export type RunnerLogger = Readonly<{
  log: (message: string) => void;
  /** Something an operator must see that does not stop the runner (default: `error`). */
  warn?: (message: string) => void;
  error: (message: string) => void;
}>;

export type ProjectionRunnerOptions = Readonly<{
  store: EventStore;
  readModels: ReadModelStore;
  projections: readonly AnyProjection[];
  upcasters?: UpcasterRegistry;
  /** Names the lease holder in the registry: `api`, `cli`... */
  label?: string;
  /** Events projected and applied together (one subscription page, by default). */
  batchSize?: number;
  /**
   * While catching up, batches share one transaction until this many events (or `commitAfterMs`) have
   * been applied: fewer commits rewrite fewer pages. Live events are committed as they come.
   */
  commitEvery?: number;
  commitAfterMs?: number;
  /** A building generation whose owner has not written for this long may be taken over. */
  leaseMs?: number;
  /** How often an idle runner renews leases and looks for generations promoted by another process. */
  pollMs?: number;
  /** Rebuild only these projections into fresh generations, promote them when caught up, then stop. */
  rebuild?: readonly string[];
  /**
   * Where read-model statements run: `thread` (the default for a file) runs full catch-up batches in a
   * worker thread with its own connection, so SQLite writes while this thread folds the next batch, and
   * live batches at once on `readModels.db`; `direct` runs all of them on `readModels.db`.
   */
  writer?: 'thread' | 'direct';
  clock?: () => Date;
  logger?: RunnerLogger;
}>;

const silent: RunnerLogger = { log: () => undefined, error: () => undefined };

/**
 * Follows `subscribeAll` from the oldest checkpoint of the generations it writes, and applies batches
 * through the {@link BatchProjector}: rows and checkpoints in one transaction. A generation still building
 * is promoted (and the one it replaces dropped) as soon as it has caught up with the head of the log.
 */
export class ProjectionRunner {
  readonly owner: string;
  private readonly generations: Generations;
  private readonly projector: BatchProjector;
  private readonly updatesSubject = new Subject<ProjectionUpdate>();
  private readonly clock: () => Date;
  private readonly logger: RunnerLogger;
  private readonly batchSize: number;
  private targets: Target[] = [];
  private subscription: Subscription | undefined;
  private queue: StoredEvent[] = [];
  private cursor: Position | null = null;
  private subscriptionCaughtUp = false;
  private paused = false;
  private draining = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  /** Counts failures, so that work begun before one is not applied after it. */
  private failures = 0;
  private uncommitted = 0;
  private readonly unpublished = new Map<
    string,
    { target: Target; events: number; position: Position | null }
  >();
  private readonly untilSnapshot = new Map<string, number>();
  private commitTimer: NodeJS.Timeout | undefined;
  private waiters: { head: Position | null; resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly finished: Promise<void>;
  private finish: () => void = () => undefined;
  private readonly planner: TargetPlanner;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silent;
    this.batchSize = options.batchSize ?? 1000;
    this.owner = leaseOwner(options.label ?? 'runner');
    this.generations = new Generations(options.readModels.db);
    this.projector = new BatchProjector(
      options.store,
      options.readModels,
      this.generations,
      options.projections,
      this.owner,
      this.clock,
      options.upcasters,
      options.writer,
    );
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.planner = new TargetPlanner(this.generations, options.projections, this.owner, options.rebuild);
  }

  /** A batch committed or a generation promoted: what the live feed sends. */
  get updates(): Observable<ProjectionUpdate> {
    return this.updatesSubject.asObservable();
  }

  /** Resolves when a rebuild run has promoted every generation it built. */
  get done(): Promise<void> {
    return this.finished;
  }

  get lastError(): Error | undefined {
    return this.failure;
  }

  async start(): Promise<void> {
    await this.checkLog();
    this.replan(true);
    this.timer = setInterval(() => void this.tick(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    while (this.draining) await new Promise((resolve) => setImmediate(resolve));
    try {
      if (this.options.readModels.open) {
        this.commit();
        this.generations.release(this.owner);
      }
    } finally {
      await this.projector.close();
    }
    this.updatesSubject.complete();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('projection runner stopped'));
  }

  /** Resolves once every generation this runner writes has reached today's head and serves. */
  async catchUp(): Promise<void> {
    const head = await this.options.store.headPosition();
    if (this.isCaughtUpTo(head)) return;
    await new Promise<void>((resolve, reject) => this.waiters.push({ head, resolve, reject }));
  }

  /** Every generation in the registry, with its lag behind the head of the log. */
  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.store.headPosition();
    return this.generations.all().map((g) => {
      const lag = positionsBehind(head, g.position);
      return {
        name: g.name,
        version: g.version,
        generation: g.generation,
        status: g.status,
        position: g.position,
        head,
        lag,
        caughtUp: head === null || (g.position !== null && g.position >= head),
        events: g.events,
        errors: g.errors,
        owner: g.owner,
      };
    });
  }

  /** A new log (another store, or an emptied one) makes every generation meaningless: start over. */
  private async checkLog(): Promise<void> {
    const { store, readModels } = this.options;
    let first: StoredEvent | undefined;
    for await (const event of store.readAll({ maxCount: 1 })) first = event;
    const head = await store.headPosition();
    const db = readModels.db;
    const known = db
      .prepare<[], string>("SELECT value FROM read_model_meta WHERE key = 'log.first'")
      .pluck()
      .get();
    const seenUpTo = this.generations.furthest();
    const ahead = seenUpTo !== null && (head === null || seenUpTo > head);
    // An empty value was written on an empty log: any first event belongs to the same log.
    const sameLog = known === undefined || known === '' || known === (first?.id ?? '');
    if (sameLog && ahead) {
      // The same log, shorter than the read models saw: its last events were deleted or lost. Kept on record
      // (outside the log) before the read models that witnessed it are rebuilt.
      recordLogTruncation(db, { detectedAt: this.clock().toISOString(), head, seenUpTo });
      (this.logger.warn ?? this.logger.error)(
        `the log ends at ${head ?? '(empty)'} but the read models had reached ${seenUpTo}: its last events ` +
          'were deleted or lost (a power cut with synchronous=NORMAL); recorded for `ltc audit verify --all`, ' +
          'rebuilding the read models',
      );
      this.generations.discardAll();
    } else if (!sameLog) {
      this.logger.log('read models were built from another log: rebuilding them all');
      this.generations.discardAll();
    }
    db.prepare("INSERT OR REPLACE INTO read_model_meta (key, value) VALUES ('log.first', ?)").run(
      first?.id ?? '',
    );
  }

  /** Decides which generations to write; resubscribes when one of them starts before the cursor. */
  private replan(initial = false): void {
    const now = this.clock();
    const plan = this.planner.plan(
      now.toISOString(),
      new Date(now.getTime() - (this.options.leaseMs ?? 30_000)).toISOString(),
      initial,
    );
    const key = (p: { projection: { name: string }; generation: number }) =>
      `${p.projection.name}#${p.generation}`;
    const current = new Map(this.targets.map((t) => [key(t), t]));
    const next = plan.map((p) => current.get(key(p)) ?? this.projector.target(p.projection, p.generation));
    const added = next.filter((t) => !current.has(key(t)));
    this.targets = next;
    if (this.subscription === undefined && !this.stopped) return this.subscribe();
    const behind = added.some((t) => {
      const position = this.generations.get(t.projection.name, t.generation)?.position ?? null;
      return position === null ? this.cursor !== null : this.cursor !== null && position < this.cursor;
    });
    if (behind) this.resubscribe();
  }

  /** Subscribes after `from`, by default the oldest checkpoint of the targets. */
  private subscribe(from: Position | null = this.oldestCheckpoint()): void {
    if (this.targets.length === 0 || this.stopped) return;
    this.cursor = from;
    this.subscriptionCaughtUp = false;
    this.subscription = this.options.store
      .subscribeAll(from === null ? {} : { fromPosition: from })
      .subscribe({
        next: (message) => {
          if (message.kind === 'caughtUp') this.subscriptionCaughtUp = true;
          else {
            this.queue.push(message.event);
            this.cursor = message.event.position;
            if (this.queue.length >= this.batchSize * 20) this.pause();
          }
          void this.drain();
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private oldestCheckpoint(): Position | null {
    if (this.targets.length === 0) return null;
    const positions = this.targets.map(
      (t) => this.generations.get(t.projection.name, t.generation)?.position ?? null,
    );
    return positions.includes(null) ? null : (positions as Position[]).reduce((a, b) => (a < b ? a : b));
  }

  private resubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.queue = [];
    this.paused = false;
    this.subscribe();
  }

  /** Too far ahead of the projector (a fast remote store): stop reading until the queue drains. */
  private pause(): void {
    this.paused = true;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private async drain(): Promise<void> {
    if (this.draining || this.stopped) return;
    this.draining = true;
    try {
      while (
        this.queue.length > 0 &&
        (this.queue.length >= this.batchSize || this.subscriptionCaughtUp || this.paused)
      ) {
        const failures = this.failures;
        const batch = this.queue.splice(0, this.batchSize);
        const projected = await this.projector.project(batch);
        // A commit that failed meanwhile (the timer's) dropped the transaction this batch follows: the
        // runner starts again from the checkpoints, so this batch must not be applied after it.
        if (this.stopped || this.failures !== failures) return;
        // Catching up (or a full batch), the writer thread works while the next batch folds; a live
        // batch of a few events is written at once, in place (a thread hop would only add latency).
        const bulk = !this.subscriptionCaughtUp || batch.length >= this.batchSize;
        if (this.projector.switches(bulk)) this.commit();
        if (this.failures !== failures) return;
        this.applied(this.projector.apply(projected, this.targets, bulk), batch.length);
        if (this.failures !== failures) return; // its commit failed: start again from the checkpoints
      }
      if (this.paused && this.queue.length === 0 && !this.stopped) {
        this.paused = false;
        this.subscribe(this.cursor);
      }
      if (this.subscriptionCaughtUp && this.queue.length === 0) await this.afterCaughtUp();
    } catch (error) {
      this.fail(error);
    } finally {
      this.draining = false;
    }
  }

  /** Counts what the open transaction holds; commits live batches at once, catch-up ones in groups. */
  private applied(applied: ReturnType<BatchProjector['apply']>, events: number): void {
    let snapshotDue = false;
    for (const entry of applied) {
      const key = `${entry.target.projection.name}#${entry.target.generation}`;
      const seen = this.unpublished.get(key);
      this.unpublished.set(key, {
        target: entry.target,
        events: (seen?.events ?? 0) + entry.events,
        position: entry.position ?? seen?.position ?? null,
      });
      if (this.snapshotDue(entry.target, key, entry.events)) snapshotDue = true;
    }
    this.uncommitted += events;
    const when = whenToCommit({
      caughtUp: this.subscriptionCaughtUp,
      paused: this.paused,
      snapshotDue,
      uncommitted: this.uncommitted,
      commitEvery: this.options.commitEvery ?? DEFAULT_COMMIT_EVERY,
    });
    if (when === 'now') {
      this.commit();
    } else {
      this.commitTimer ??= setTimeout(() => this.commit(), this.options.commitAfterMs ?? 250);
    }
  }

  private commit(): void {
    if (this.commitTimer !== undefined) clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    const committing = this.projector.pending;
    try {
      this.projector.commit();
    } catch (error) {
      this.fail(error);
      return;
    }
    // A failure is over once writes commit again (with the thread writer, a write fails at its commit).
    if (committing) this.failure = undefined;
    this.uncommitted = 0;
    const applied = [...this.unpublished.values()];
    this.unpublished.clear();
    this.untilSnapshot.clear();
    this.publish(applied);
    this.snapshot(applied.map((a) => a.target));
  }

  /**
   * Counts down the events a generation with snapshots may handle before its next one is due, so that
   * the commit it needs comes then, whatever the commit grouping (as-of replays start from snapshots).
   */
  private snapshotDue(target: Target, key: string, events: number): boolean {
    const every = target.projection.snapshots?.every;
    if (every === undefined) return false;
    let left = this.untilSnapshot.get(key);
    if (left === undefined) {
      // First batch since a commit: count from what is committed.
      const { name } = target.projection;
      const { generation } = target;
      const committed = this.generations.get(name, generation)?.events ?? 0;
      const last = snapshotsOf(this.options.readModels.db, name, generation).at(-1);
      left = eventsUntilSnapshot(every, committed, last?.events);
    }
    const countdown = snapshotCountdown(left, events);
    this.untilSnapshot.set(key, countdown.left);
    return countdown.due;
  }

  /** Snapshots for as-of replays, taken between commits so they hold exactly a checkpoint's rows. */
  private snapshot(targets: readonly Target[]): void {
    for (const target of targets) {
      if (target.projection.snapshots === undefined) continue;
      const row = this.generations.get(target.projection.name, target.generation);
      if (row === undefined) continue;
      try {
        maybeSnapshot(
          this.options.readModels.db,
          target.projection,
          row,
          this.clock().toISOString(),
          this.projector.states,
        );
      } catch (error) {
        this.logger.error(
          `snapshot of ${row.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private publish(applied: readonly { target: Target; events: number; position: Position | null }[]): void {
    const at = this.clock().toISOString();
    for (const { target, events, position } of applied) {
      if (events === 0) continue;
      const { name, version } = target.projection;
      const status = this.generations.get(name, target.generation)?.status ?? 'building';
      this.updatesSubject.next({
        kind: 'batch',
        name,
        version,
        generation: target.generation,
        status,
        position,
        events,
        at,
      });
    }
  }

  /** Promotes generations that reached the head, and wakes whoever waits for the runner to catch up. */
  private async afterCaughtUp(): Promise<void> {
    this.commit();
    const head = await this.options.store.headPosition();
    for (const target of this.targets) {
      const row = this.generations.get(target.projection.name, target.generation);
      if (row?.status !== 'building' || !reached(row, head)) continue;
      this.generations.promote(row.name, row.generation, this.clock().toISOString());
      this.logger.log(
        `projection ${row.name} v${row.version} generation ${row.generation} caught up: serving`,
      );
      this.updatesSubject.next({
        kind: 'promoted',
        name: row.name,
        version: row.version,
        generation: row.generation,
        status: 'serving',
        position: row.position,
        events: 0,
        at: this.clock().toISOString(),
      });
    }
    if (this.options.rebuild !== undefined && this.targets.every((t) => this.servingAt(t, head)))
      this.finish();
    this.wake();
  }

  private wake(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!this.isCaughtUpTo(waiter.head)) return true;
      waiter.resolve();
      return false;
    });
  }

  private isCaughtUpTo(head: Position | null): boolean {
    return this.targets.length > 0 && this.targets.every((t) => this.servingAt(t, head));
  }

  private servingAt(target: Target, head: Position | null): boolean {
    const row = this.generations.get(target.projection.name, target.generation);
    return row?.status === 'serving' && reached(row, head);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.draining) return;
    try {
      // The plan writes on this connection: what the writer holds must be committed first.
      if (this.projector.pending) this.commit();
      this.replan();
      if (this.failure !== undefined && this.subscription === undefined) this.resubscribe();
      else if (this.subscriptionCaughtUp && this.queue.length === 0) {
        this.draining = true;
        try {
          await this.afterCaughtUp();
        } finally {
          this.draining = false;
        }
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.failures++;
    if (this.commitTimer !== undefined) clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    this.uncommitted = 0;
    this.unpublished.clear();
    this.untilSnapshot.clear();
    // Reading resumes from the checkpoints (tick), not from where the paused subscription stopped.
    this.paused = false;
    try {
      if (this.options.readModels.open) this.projector.rollback();
    } catch (error) {
      this.logger.error(
        `projection runner: rollback: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.logger.error(`projection runner: ${this.failure.message}; retrying from the checkpoints`);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.queue = [];
  }
}

function reached(row: Generation, head: Position | null): boolean {
  return head === null || (row.position !== null && row.position >= head);
}
