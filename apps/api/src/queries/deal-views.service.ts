import { Injectable } from '@nestjs/common';
import type { Actor } from '@ltc/engine';
import { StreamNotFoundError } from '@ltc/event-store';
import type { AnyMachineSnapshot } from 'xstate';
import { AccessService } from '../access/access.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { permittedCommands } from '../engine/permitted-commands';
import { WorkflowRegistry, type WorkflowEntry } from '../engine/workflow-registry';
import type { DealView } from './deal.queries';

/** Builds what a caller may see of a stream: hidden streams are 404, never 403, so ids do not leak. */
@Injectable()
export class DealViews {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
  ) {}

  async load(kind: string, id: string, actor: Actor): Promise<{ entry: WorkflowEntry; view: DealView }> {
    const entry = this.registry.get(kind);
    const streamId = entry.streamId(id);
    const { state, revision } = await this.engine.current(entry.workflow, streamId);
    if (!this.mayView(entry, state, actor)) throw new StreamNotFoundError(streamId);
    return { entry, view: await this.view(entry, id, state, revision, actor) };
  }

  mayView(entry: WorkflowEntry, state: unknown, actor: Actor): boolean {
    return this.access.mayView(actor, entry.people(state as AnyMachineSnapshot));
  }

  async view(
    entry: WorkflowEntry,
    id: string,
    state: unknown,
    revision: number,
    actor: Actor,
  ): Promise<DealView> {
    const snapshot = state as AnyMachineSnapshot;
    return {
      kind: entry.kind,
      id,
      streamId: entry.streamId(id),
      state: entry.workflow.stateName(snapshot),
      context: snapshot.context as unknown,
      revision,
      allowed: await this.allowedFor(entry, id, snapshot, actor),
    };
  }

  /** The machine's allowed commands that the access rules let this caller try (data checks aside). */
  private allowedFor(entry: WorkflowEntry, id: string, state: AnyMachineSnapshot, actor: Actor) {
    return permittedCommands(
      entry.authorize,
      entry.streamId(id),
      state,
      actor,
      entry.workflow.allowedCommands(state),
    );
  }
}
