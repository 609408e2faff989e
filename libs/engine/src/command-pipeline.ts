import {
  FACT_DATES,
  occurredAtOf,
  UpcasterRegistry,
  type Command,
  type Event,
  type EventEnvelope,
  type FactDate,
  type LateEntryRecord,
} from '@ltc/domain';
import {
  ConcurrencyError,
  StreamNotFoundError,
  type AppendResult,
  type EventStore,
  type Position,
  type StoredEvent,
  type StreamRevision,
} from '@ltc/event-store';
import type { Decision, Workflow } from '@ltc/workflow-kit';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { Actor } from './actor';
import {
  businessTime,
  defaultLateEntryPolicy,
  type LateEntryPolicy,
  type OccurredAtMode,
} from './business-time';
import type { Clock } from './clock.port';
import { IdempotencyKeyReusedError, RetriesExhaustedError } from './engine.errors';
import { commandHash, eventIdFor } from './event-id';
import { chainEnvelopes } from '@ltc/hash-chain';
import { StreamCache, type StreamView } from './stream-cache';

/** A command addressed to one stream, with who sent it and why. */
export type CommandRequest<C extends Command> = Readonly<{
  streamId: string;
  command: C;
  /** Idempotency key: the same id on the same stream returns the first result and appends nothing. */
  commandId: string;
  actor: Actor;
  correlationId?: string;
  /** The stored event that caused this command (process managers), else null. */
  causationId?: string | null;
  /**
   * Business time asked for (ISO-8601 instant): when the fact happened, for a late entry. Absent: the
   * pipeline's clock at the append attempt (the same instant as `recordedAt`).
   */
  occurredAt?: string;
  /**
   * What the idempotency check compares, when not the command's data: the data less what the server
   * read from elsewhere (a count that a retry of the same request finds changed).
   */
  fingerprint?: unknown;
  /** `clamp` for process managers: the causing event's time, moved up to the stream's last one. */
  occurredAtMode?: OccurredAtMode;
  /** Appended by the history importer: marked `imported`, and back-dated without a window. */
  imported?: boolean;
}>;

export type ResultEvent = Readonly<{
  id: string;
  type: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
  revision: number;
}>;

export type CommandResult = Readonly<{
  streamId: string;
  /** Revision of the last event the command produced. */
  revision: number;
  position: Position | null;
  events: readonly ResultEvent[];
  /** State after the command, and the commands that state allows. */
  state: string;
  allowed: readonly string[];
  /** True when this command id had already been applied and nothing new was appended. */
  duplicate: boolean;
}>;

/** Decides whether the actor may send this command, given the folded state (undefined: new stream). */
export type Authorize<S, C extends Command> = (
  request: CommandRequest<C>,
  state: S,
  isNew: boolean,
) => void | Promise<void>;

export type PipelineOptions = Readonly<{
  /** Attempts on a version conflict before answering with `RetriesExhaustedError`. */
  maxAttempts?: number;
  upcasters?: UpcasterRegistry;
  cache?: StreamCache;
  /** Future skew and back-dating window (the defaults: 5 minutes, 14 days for reps and managers). */
  lateEntry?: LateEntryPolicy;
  /** The commands that carry their own business date (the default: the LTC commands, `FACT_DATES`). */
  factDates?: Readonly<Record<string, FactDate>>;
}>;

/** The two times stamped on every event of one append. */
type EventTimes = Readonly<{ occurredAt: string; recordedAt: string; lateEntry?: LateEntryRecord }>;

type AnyWorkflow = Workflow<AnyStateMachine, Command, unknown>;

/**
 * The command pipeline: load (upcast) -> fold -> idempotency -> authorise -> decide -> append with the
 * expected revision, reloading and retrying on a lost race.
 */
export class CommandPipeline {
  private readonly maxAttempts: number;
  private readonly upcasters: UpcasterRegistry;
  private readonly cache: StreamCache;
  private readonly lateEntry: LateEntryPolicy;
  private readonly factDates: Readonly<Record<string, FactDate>>;
  private readonly starters = new Map<string, Set<string>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: PipelineOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.cache = options.cache ?? new StreamCache();
    this.lateEntry = options.lateEntry ?? defaultLateEntryPolicy;
    this.factDates = options.factDates ?? FACT_DATES;
  }

  /** The late-entry rules in force (recorded with every late entry). */
  get lateEntryPolicy(): LateEntryPolicy {
    return this.lateEntry;
  }

  /**
   * Folds a stream to its current state through the cache, reading only the events after the cached
   * revision. `trustCache` skips even that read: the caller appends with the cached revision as its
   * expectation, so a stale cache shows up as a ConcurrencyError, never as a lost write.
   */
  async load<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
    options: { trustCache?: boolean } = {},
  ): Promise<StreamView<SnapshotFrom<M>>> {
    return (await this.loadView(workflow, streamId, options.trustCache ?? false)).view;
  }

  /** `read` is false when the view came from the cache without asking the store. */
  private async loadView<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
    trustCache: boolean,
  ): Promise<{ view: StreamView<SnapshotFrom<M>>; read: boolean }> {
    const key = `${workflow.machineRef}|${streamId}`;
    let view = this.cache.get<SnapshotFrom<M>>(key);
    if (view !== undefined && trustCache) return { view, read: false };
    if (view === undefined) {
      view = {
        state: workflow.initialState(),
        revision: 'noStream',
        commands: new Map(),
        lastHash: null,
        lastOccurredAt: null,
      };
      this.cache.set(key, view);
    }
    const from = view.revision === 'noStream' ? 0 : view.revision + 1;
    for (const stored of await this.readTail(streamId, from)) {
      // A concurrent load of the same stream may have applied this event already.
      if (view.revision !== 'noStream' && stored.revision <= view.revision) continue;
      this.apply(workflow, view, stored.revision, this.toEvent(stored), stored.metadata);
    }
    return { view, read: true };
  }

  /** Brings the cached view up to the store and says whether the store had moved past `revision`. */
  private async movedPast<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
    revision: StreamRevision,
  ): Promise<boolean> {
    return (await this.load(workflow, streamId)).revision !== revision;
  }

  private apply<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    view: StreamView<SnapshotFrom<M>>,
    revision: number,
    event: Event,
    metadata: Readonly<Record<string, unknown>>,
  ): void {
    view.state = workflow.evolve(view.state, event as Parameters<typeof workflow.evolve>[1]);
    view.revision = revision;
    view.lastHash = typeof metadata['hash'] === 'string' ? metadata['hash'] : null;
    view.lastOccurredAt = occurredAtOf(metadata);
    const { commandId, commandHash: hash, actor } = metadata;
    if (typeof commandId === 'string') {
      const seen = view.commands.get(commandId);
      view.commands.set(commandId, {
        hash: typeof hash === 'string' ? hash : '',
        actor: String(actor),
        first: seen?.first ?? revision,
        last: revision,
      });
    }
  }

  /**
   * Runs one command through the machine of `workflow` and appends what it decided.
   *
   * The cached state is trusted first. A refusal (authorise, decide, or an unknown stream) stands as
   * it is when it was decided on state just read from the store; when it was decided on cached state,
   * the pipeline reads the stream's tail after the cached revision and judges again only if the store
   * has moved past it (another process wrote): a refusal on a fresh cache runs authorise and decide once.
   * A lost race on append (ConcurrencyError) always reloads and decides again.
   */
  async execute<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    policy: P,
    request: CommandRequest<C>,
    authorize?: Authorize<SnapshotFrom<M>, C>,
  ): Promise<CommandResult> {
    // A process manager's time follows from its causing event (already in its command id): not hashed.
    const asked = request.occurredAtMode === 'clamp' ? undefined : request.occurredAt;
    const hash = commandHash(request.command.type, request.fingerprint ?? request.command.data, asked);
    let trustCache = true;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const { view, read } = await this.loadView(workflow, request.streamId, trustCache);
      const { state, revision, lastHash } = view;
      const applied = view.commands.get(request.commandId);
      if (applied !== undefined) {
        if (applied.hash !== hash || applied.actor !== request.actor.id) {
          throw new IdempotencyKeyReusedError(request.commandId, request.streamId);
        }
        return this.previousResult(workflow, request.streamId, applied.first, applied.last);
      }
      let decision: Decision<M>;
      let times: EventTimes;
      try {
        const isNew = revision === 'noStream';
        // Only the commands the initial state accepts may start a stream; any other names a missing deal.
        if (isNew && !this.startsStream(workflow, request.command.type)) {
          throw new StreamNotFoundError(request.streamId);
        }
        await authorize?.(request, state, isNew);
        // Knowledge time is read on every attempt, so per stream it never goes back in log order.
        const recordedAt = this.clock.now();
        times = {
          ...businessTime(
            {
              commandType: request.command.type,
              data: request.command.data,
              asked: request.occurredAt,
              mode: request.occurredAtMode ?? 'exact',
              recordedAt,
              streamLast: view.lastOccurredAt,
              roles: request.actor.roles,
              imported: request.imported === true,
            },
            this.lateEntry,
            this.factDates,
          ),
          recordedAt,
        };
        // The machine decides at business time: a contract signed on the 20th is judged on the 20th.
        decision = workflow.decide(request.command, state, {
          at: times.occurredAt,
          actor: request.actor.id,
          policy,
        });
      } catch (error) {
        // Only a state the store has moved past can make a refusal wrong.
        if (read || !(await this.movedPast(workflow, request.streamId, revision))) throw error;
        trustCache = false;
        continue;
      }
      const envelopes = chainEnvelopes(
        lastHash,
        decision.events.map((event, index) =>
          this.envelope(event as Event, index, request, hash, times, workflow),
        ),
      );
      let appended: AppendResult;
      try {
        appended = await this.store.append(request.streamId, envelopes, revision);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Someone else appended first: read what they wrote and decide again.
        trustCache = false;
        continue;
      }
      const first = appended.nextRevision - envelopes.length + 1;
      // Keep the cache current without reading back what we just wrote, unless another load moved it.
      if (view.revision === revision) {
        view.state = decision.state;
        view.revision = appended.nextRevision;
        view.lastHash = String(envelopes.at(-1)?.metadata['hash']);
        view.lastOccurredAt = times.occurredAt;
        view.commands.set(request.commandId, {
          hash,
          actor: request.actor.id,
          first,
          last: appended.nextRevision,
        });
      }
      return {
        streamId: request.streamId,
        revision: appended.nextRevision,
        position: appended.position,
        events: envelopes.map((e, i) => ({ ...e, revision: first + i })),
        state: workflow.stateName(decision.state),
        allowed: workflow.allowedCommands(decision.state),
        duplicate: false,
      };
    }
    throw new RetriesExhaustedError(request.streamId, this.maxAttempts);
  }

  private envelope<M extends AnyStateMachine, C extends Command, P>(
    { type, data }: Event,
    index: number,
    request: CommandRequest<C>,
    hash: string,
    times: EventTimes,
    workflow: Workflow<M, C, P>,
  ): EventEnvelope {
    return {
      id: eventIdFor(request.commandId, index),
      type,
      data,
      metadata: {
        actor: request.actor.id,
        actorRoles: [...request.actor.roles],
        commandId: request.commandId,
        commandType: request.command.type,
        commandHash: hash,
        correlationId: request.correlationId ?? request.commandId,
        causationId: request.causationId ?? null,
        occurredAt: times.occurredAt,
        recordedAt: times.recordedAt,
        ...(request.imported === true ? { imported: true as const } : {}),
        ...(times.lateEntry === undefined ? {} : { lateEntry: times.lateEntry }),
        schemaVersion: this.upcasters.currentVersion(type),
        machine: workflow.machineRef,
      },
    };
  }

  /** The answer the first execution gave: its events, and the state right after them. */
  private async previousResult<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
    first: number,
    last: number,
  ): Promise<CommandResult> {
    const upToLast = await this.store.readStream(streamId, { from: 0, maxCount: last + 1 });
    const state = workflow.fold(upToLast.map((e) => this.toEvent(e)) as Parameters<typeof workflow.fold>[0]);
    const own = upToLast.slice(first);
    return {
      streamId,
      revision: last,
      position: own.at(-1)?.position ?? null,
      events: own.map(({ id, type, data, metadata, revision }) => ({ id, type, data, metadata, revision })),
      state: workflow.stateName(state),
      allowed: workflow.allowedCommands(state),
      duplicate: true,
    };
  }

  private startsStream<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    type: C['type'],
  ): boolean {
    let starters = this.starters.get(workflow.machineRef);
    if (starters === undefined) {
      starters = new Set(workflow.allowedCommands(workflow.initialState()));
      this.starters.set(workflow.machineRef, starters);
    }
    return starters.has(type);
  }

  /** Every read path goes through the upcasters, so old schema versions fold like new ones. */
  private toEvent(stored: StoredEvent): Event {
    const { type, data } = this.upcasters.upcastStored(stored);
    return { type, data };
  }

  private async readTail(streamId: string, from: number): Promise<readonly StoredEvent[]> {
    try {
      return await this.store.readStream(streamId, { from });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

export type { AnyWorkflow, StreamRevision };
