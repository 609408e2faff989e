import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseStreamId, UpcasterRegistry } from '@ltc/domain';
import { CLOCK, type Actor, type Clock } from '@ltc/engine';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type StoredEvent } from '@ltc/event-store';
import {
  auditTimeline,
  verifyStreamEvents,
  type AuditTimeline,
  type StreamVerification,
} from '@ltc/read-models';
import type { AnyMachineSnapshot } from 'xstate';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { momentOf, parseMoment } from './as-of-read-models.service';
import { GetAuditTimelineQuery, VerifyStreamQuery, type TimelineAnswer } from './read-model.queries';

/** Reads a stream the actor may see: hidden streams are 404, like the deals themselves. */
abstract class VisibleStream {
  constructor(
    protected readonly store: EventStore,
    protected readonly registry: WorkflowRegistry,
    protected readonly access: AccessService,
    protected readonly upcasters: UpcasterRegistry,
  ) {}

  protected async read(
    actor: Actor,
    streamId: string,
  ): Promise<{ events: readonly StoredEvent[]; whole: AuditTimeline }> {
    const category = parseStreamId(streamId)?.category;
    const entry = this.registry.all().find((e) => e.kind === category);
    if (entry === undefined) throw new StreamNotFoundError(streamId);
    const events = await this.store.readStream(streamId);
    const whole = auditTimeline(events, undefined, this.upcasters);
    const people = entry.people(whole.snapshot as Parameters<typeof entry.people>[0] & AnyMachineSnapshot);
    if (!this.access.mayView(actor, people)) throw new StreamNotFoundError(streamId);
    return { events, whole };
  }
}

@QueryHandler(GetAuditTimelineQuery)
export class GetAuditTimelineHandler extends VisibleStream implements IQueryHandler<GetAuditTimelineQuery> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    registry: WorkflowRegistry,
    access: AccessService,
    upcasters: UpcasterRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(store, registry, access, upcasters);
  }

  async execute({ actor, streamId, moment: query }: GetAuditTimelineQuery): Promise<TimelineAnswer> {
    const { events, whole } = await this.read(actor, streamId);
    const moment = parseMoment(query);
    const timeline = moment === undefined ? whole : auditTimeline(events, moment, this.upcasters);
    const last = timeline.entries.at(-1);
    const lastAt = last?.occurredAt ?? null;
    return {
      asOf: momentOf(moment, last?.position ?? null, lastAt, lastAt ?? this.clock.now()),
      streamId: timeline.streamId,
      kind: timeline.kind,
      state: timeline.state,
      context: timeline.context,
      entries: timeline.entries,
    };
  }
}

@QueryHandler(VerifyStreamQuery)
export class VerifyStreamHandler extends VisibleStream implements IQueryHandler<VerifyStreamQuery> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    registry: WorkflowRegistry,
    access: AccessService,
    upcasters: UpcasterRegistry,
  ) {
    super(store, registry, access, upcasters);
  }

  async execute({ actor, streamId }: VerifyStreamQuery): Promise<StreamVerification> {
    // The head anchor first: appends between the two reads only add events after it.
    const head = await this.store.streamHead(streamId);
    const { events } = await this.read(actor, streamId);
    return verifyStreamEvents(streamId, events, head);
  }
}
