import { Inject, Injectable } from '@nestjs/common';
import { UpcasterRegistry, type Command } from '@ltc/domain';
import {
  CLOCK,
  CommandPipeline,
  type Actor,
  defaultLateEntryPolicy,
  type Authorize,
  type Clock,
  type CommandResult,
} from '@ltc/engine';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type StoredEvent } from '@ltc/event-store';
import { CommandRefusedError, type Workflow } from '@ltc/workflow-kit';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';
import { permittedCommands } from './permitted-commands';
import type { WorkflowCommand } from './workflow-command';

/** The engine as the api uses it: one pipeline over the configured store and clock. */
@Injectable()
export class WorkflowEngine {
  readonly pipeline: CommandPipeline;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    upcasters: UpcasterRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pipeline = new CommandPipeline(store, clock, {
      upcasters,
      lateEntry: { ...defaultLateEntryPolicy, ...config.businessTime },
    });
  }

  /**
   * Runs the command; the `allowed` commands of the answer, and of a refusal, are those the caller may
   * send (as `GET /api/<kind>/{id}` lists them). A creating command sent to a stream that exists is
   * refused with the rule `alreadyExists`.
   */
  async execute<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    policy: P,
    message: WorkflowCommand<C>,
    authorize?: Authorize<SnapshotFrom<M>, C>,
  ): Promise<CommandResult> {
    const { streamId, command, meta } = message;
    // An imported line was authorised once, as its admin's import; the machine still decides it.
    const rule = meta.imported === true ? undefined : authorize;
    try {
      const result = await this.pipeline.execute(
        workflow,
        policy,
        {
          streamId,
          command,
          commandId: meta.commandId,
          actor: meta.actor,
          ...(meta.correlationId === undefined ? {} : { correlationId: meta.correlationId }),
          causationId: meta.causationId ?? null,
          ...(meta.fingerprint === undefined ? {} : { fingerprint: meta.fingerprint }),
          ...(meta.occurredAt === undefined ? {} : { occurredAt: meta.occurredAt }),
          ...(meta.occurredAtMode === undefined ? {} : { occurredAtMode: meta.occurredAtMode }),
          ...(meta.imported === true ? { imported: true } : {}),
        },
        rule,
      );
      return {
        ...result,
        allowed: await this.permitted(workflow, streamId, meta.actor, result.allowed, rule),
      };
    } catch (error) {
      if (!(error instanceof CommandRefusedError)) throw error;
      const { refusal } = error;
      const allowed = await this.permitted(workflow, streamId, meta.actor, refusal.allowed, rule);
      const exists =
        refusal.rule === 'transitionNotAllowed' &&
        workflow.allowedCommands(workflow.initialState()).includes(command.type);
      throw new CommandRefusedError({
        ...refusal,
        allowed,
        ...(exists ? { rule: 'alreadyExists', reason: `${streamId} already exists` } : {}),
      });
    }
  }

  private async permitted<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
    actor: Actor,
    types: readonly string[],
    authorize?: Authorize<SnapshotFrom<M>, C>,
  ): Promise<string[]> {
    if (authorize === undefined || types.length === 0) return [...types];
    // The state as stored now (the initial state when a creating command was refused on its own data).
    const { state, revision } = await this.pipeline.load(workflow, streamId);
    return permittedCommands(authorize, streamId, state, actor, types, revision === 'noStream');
  }

  /** The current state of an existing stream; StreamNotFoundError (404) when it has no events. */
  async current<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    streamId: string,
  ): Promise<{ state: SnapshotFrom<M>; revision: number }> {
    const view = await this.pipeline.load(workflow, streamId);
    if (view.revision === 'noStream') throw new StreamNotFoundError(streamId);
    return { state: view.state, revision: view.revision };
  }

  /** A page of a stream's events, oldest first. */
  history(streamId: string, from: number, limit: number): Promise<readonly StoredEvent[]> {
    return this.store.readStream(streamId, { from, maxCount: limit });
  }
}
