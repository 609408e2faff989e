import { Inject, Injectable } from '@nestjs/common';
import { UpcasterRegistry, type Command } from '@ltc/domain';
import { CLOCK, CommandPipeline, type Authorize, type Clock, type CommandResult } from '@ltc/engine';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type StoredEvent } from '@ltc/event-store';
import type { Workflow } from '@ltc/workflow-kit';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { WorkflowCommand } from './workflow-command';

/** The engine as the api uses it: one pipeline over the configured store and clock. */
@Injectable()
export class WorkflowEngine {
  readonly pipeline: CommandPipeline;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    upcasters: UpcasterRegistry,
  ) {
    this.pipeline = new CommandPipeline(store, clock, { upcasters });
  }

  execute<M extends AnyStateMachine, C extends Command, P>(
    workflow: Workflow<M, C, P>,
    policy: P,
    message: WorkflowCommand<C>,
    authorize?: Authorize<SnapshotFrom<M>, C>,
  ): Promise<CommandResult> {
    return this.pipeline.execute(
      workflow,
      policy,
      {
        streamId: message.streamId,
        command: message.command,
        commandId: message.meta.commandId,
        actor: message.meta.actor,
        ...(message.meta.correlationId === undefined ? {} : { correlationId: message.meta.correlationId }),
        causationId: message.meta.causationId ?? null,
      },
      authorize,
    );
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
