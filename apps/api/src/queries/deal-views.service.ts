import { Inject, Injectable } from '@nestjs/common';
import { UpcasterRegistry } from '@ltc/domain';
import { CLOCK, type Clock } from '@ltc/engine';
import { auditTimeline } from '@ltc/read-models';
import type { Actor } from '@ltc/engine';
import { StreamNotFoundError } from '@ltc/event-store';
import type { AnyMachineSnapshot } from 'xstate';
import { AccessService } from '../access/access.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { permittedCommands } from '../engine/permitted-commands';
import { WorkflowRegistry, type WorkflowEntry } from '../engine/workflow-registry';
import { momentOf, parseMoment, type MomentQuery } from '../read-models/as-of-read-models.service';
import type { DealView } from './deal.queries';

/** Builds what a caller may see of a stream: hidden streams are 404, never 403, so ids do not leak. */
@Injectable()
export class DealViews {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    private readonly upcasters: UpcasterRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The stream now, or as of a business instant / as known at a past one (`asOf`, `knownAt`): its own
   * events folded up to that moment. Who may see it is decided on the stream as it is now.
   */
  async load(
    kind: string,
    id: string,
    actor: Actor,
    query: MomentQuery = {},
  ): Promise<{ entry: WorkflowEntry; view: DealView }> {
    const entry = this.registry.get(kind);
    const streamId = entry.streamId(id);
    const { state, revision } = await this.engine.current(entry.workflow, streamId);
    if (!this.mayView(entry, state, actor)) throw new StreamNotFoundError(streamId);
    const moment = parseMoment(query);
    if (moment === undefined) return { entry, view: await this.view(entry, id, state, revision, actor) };
    const events = await this.engine.history(streamId, 0, revision + 1);
    const then = auditTimeline(events, moment, this.upcasters);
    const last = then.entries.at(-1);
    // Nothing of the stream had happened (or was known) by then.
    if (last === undefined) throw new StreamNotFoundError(streamId);
    return {
      entry,
      view: {
        kind: entry.kind,
        id,
        streamId,
        state: then.state,
        context: then.context,
        revision: last.revision,
        allowed: [],
        asOf: momentOf(moment, last.position, last.occurredAt, this.clock.now()),
      },
    };
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
