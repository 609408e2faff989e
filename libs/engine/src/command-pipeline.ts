import { UpcasterRegistry, type Command, type Event, type EventEnvelope } from '@ltc/domain';
import {
  ConcurrencyError,
  StreamNotFoundError,
  type EventStore,
  type Position,
  type StoredEvent,
  type StreamRevision,
} from '@ltc/event-store';
import type { Workflow } from '@ltc/workflow-kit';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { Actor } from './actor';
import type { Clock } from './clock.port';
import { IdempotencyKeyReusedError, RetriesExhaustedError } from './engine.errors';
import { commandHash, eventIdFor } from './event-id';
import { chainEnvelopes } from './hash-chain';
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
}>;

type AnyWorkflow = Workflow<AnyStateMachine, Command, unknown>;

/**
 * The command pipeline: load (upcast) -> fold -> idempotency -> authorise -> decide -> append with the
 * expected revision, reloading and retrying on a lost race.
 */
export class CommandPipeline {
  private readonly maxAttempts: number;
  private readonly upcasters: UpcasterRegistry;
  private readonly cache: StreamCache;
  private readonly starters = new Map<string, Set<string>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: PipelineOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.cache = options.cache ?? new StreamCache();
  }

  /** Folds a stream to its current state (through the cache); `revision` is `noStream` when it is empty. */
  async load<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
  ): Promise<StreamView<SnapshotFrom<M>>> {
    const key = `${workflow.machineRef}|${streamId}`;
    const cached = this.cache.get<SnapshotFrom<M>>(key);
    const view: StreamView<SnapshotFrom<M>> = cached
      ? {
          state: cached.state,
          revision: cached.revision,
          commands: new Map(cached.commands),
          lastHash: cached.lastHash,
        }
      : { state: workflow.initialState(), revision: 'noStream', commands: new Map(), lastHash: null };
    const from = view.revision === 'noStream' ? 0 : view.revision + 1;
    for (const stored of await this.readTail(streamId, from)) {
      const event = this.toEvent(stored);
      view.state = workflow.evolve(view.state, event as Parameters<typeof workflow.evolve>[1]);
      view.revision = stored.revision;
      view.lastHash = typeof stored.metadata.hash === 'string' ? stored.metadata.hash : null;
      const { commandId, commandHash: hash, actor } = stored.metadata;
      if (typeof commandId === 'string') {
        const seen = view.commands.get(commandId);
        view.commands.set(commandId, {
          hash: typeof hash === 'string' ? hash : '',
          actor: String(actor),
          first: seen?.first ?? stored.revision,
          last: stored.revision,
        });
      }
    }
    this.cache.set(key, view);
    return view;
  }

  /** Runs one command through the machine of `workflow` and appends what it decided. */
  async execute<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    policy: P,
    request: CommandRequest<C>,
    authorize?: Authorize<SnapshotFrom<M>, C>,
  ): Promise<CommandResult> {
    const hash = commandHash(request.command.type, request.command.data);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const view = await this.load(workflow, request.streamId);
      const applied = view.commands.get(request.commandId);
      if (applied !== undefined) {
        if (applied.hash !== hash || applied.actor !== request.actor.id) {
          throw new IdempotencyKeyReusedError(request.commandId, request.streamId);
        }
        return this.previousResult(workflow, request.streamId, applied.first, applied.last);
      }
      const isNew = view.revision === 'noStream';
      // Only the commands the initial state accepts may start a stream; any other names a missing deal.
      if (isNew && !this.startsStream(workflow, request.command.type))
        throw new StreamNotFoundError(request.streamId);
      await authorize?.(request, view.state, isNew);

      const occurredAt = this.clock.now();
      const decision = workflow.decide(request.command, view.state, {
        at: occurredAt,
        actor: request.actor.id,
        policy,
      });
      const unchained: EventEnvelope[] = decision.events.map((event, index) => {
        const { type, data } = event as Event;
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
            occurredAt,
            schemaVersion: this.upcasters.currentVersion(type),
            machine: workflow.machineRef,
          },
        };
      });
      const envelopes = chainEnvelopes(view.lastHash, unchained);
      try {
        const appended = await this.store.append(request.streamId, envelopes, view.revision);
        const first = appended.nextRevision - envelopes.length + 1;
        return {
          streamId: request.streamId,
          revision: appended.nextRevision,
          position: appended.position,
          events: envelopes.map((e, i) => ({ ...e, revision: first + i })),
          state: workflow.stateName(decision.state),
          allowed: workflow.allowedCommands(decision.state),
          duplicate: false,
        };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Someone else appended first: drop what we folded and decide again on the fresh stream.
        this.cache.delete(`${workflow.machineRef}|${request.streamId}`);
      }
    }
    throw new RetriesExhaustedError(request.streamId, this.maxAttempts);
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
    return this.upcasters.upcast(
      { type: stored.type, data: stored.data },
      Number(stored.metadata.schemaVersion ?? 1),
    );
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
