import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { occurredAtOf, personStream, recordedAtOf, UpcasterRegistry } from '@ltc/domain';
import { orgAsItStands, type Org } from '@ltc/access';
import type { Actor } from '@ltc/engine';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@ltc/event-store';
import { OrgTimeline, type PersonFact } from '@ltc/workflow-person';
import type { Subscription } from 'rxjs';

/** A stored (or just appended) event of a person stream, as the directory reads it. */
export type PersonRecord = Readonly<{
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
  /** Absent for a just-appended event whose position is not at hand; the subscription brings it. */
  position?: string;
}>;

/**
 * The organisation as the log holds it (`person-<id>` streams), for the access rules, the actors of
 * API keys and the "by team" read models: an `OrgTimeline` fed by a subscription to the person streams
 * (which also sees what `ltc users add` appends from another process), by the api's own person
 * commands at once, and by a direct read of a stream the subscription has not delivered yet.
 */
@Injectable()
export class OrgDirectory implements OnModuleDestroy {
  private readonly logger = new Logger('Org');
  readonly timeline = new OrgTimeline();
  private cached: { version: number; org: Org } | undefined;
  private subscription: Subscription | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  /** Reads every person event and follows new ones; resolves once the backlog is in. */
  start(): Promise<void> {
    if (this.subscription !== undefined) return Promise.resolve();
    return new Promise((caughtUp, failed) => {
      let ready = false;
      this.subscription = this.store
        .subscribeAll({ filter: { streamPrefixes: [personStream.id('')] } })
        .subscribe({
          next: (message) => {
            if (message.kind === 'event') this.feed([message.event]);
            else if (!ready) {
              ready = true;
              caughtUp();
            }
          },
          error: (error: unknown) => {
            this.logger.error(`person subscription ended: ${String(error)}`);
            if (!ready) failed(error instanceof Error ? error : new Error(String(error)));
          },
        });
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Applies person events (each once, whoever delivers it first). */
  feed(records: readonly PersonRecord[]): void {
    for (const record of records) {
      const person = personStream.parse(record.streamId);
      if (person === undefined) continue;
      const event = this.upcasters.upcastStored(record);
      this.timeline.apply(toFact(person, event));
    }
  }

  /** The people directory as it stands, rebuilt only when a person event arrived. */
  org(): Org {
    if (this.cached?.version !== this.timeline.version) {
      this.cached = { version: this.timeline.version, org: orgAsItStands(this.timeline) };
    }
    return this.cached.org;
  }

  /**
   * The actor a person acts as now (their roles and team from the log), or undefined when they are not
   * in the organisation. A person the directory has not heard of is read from their stream first, so a
   * key added with its person a moment ago works at once.
   */
  async actor(person: string): Promise<Actor | undefined> {
    if (this.org().person(person) === undefined) await this.refresh(person);
    const found = this.org().person(person);
    return found && { id: found.id, roles: found.roles, team: found.team };
  }

  /**
   * The actor a person was at a business instant (their roles and team then), e.g. for an imported
   * line; undefined when they were not in the organisation then (or are unknown).
   */
  async actorAt(person: string, instant: string): Promise<Actor | undefined> {
    if (this.timeline.rolesOf(person, instant).length === 0) await this.refresh(person);
    const roles = this.timeline.rolesOf(person, instant);
    if (roles.length === 0) return undefined;
    const team = this.timeline.teamOf(person, instant);
    return { id: person, roles, ...(team === undefined ? {} : { team }) };
  }

  private async refresh(person: string): Promise<void> {
    try {
      this.feed(await this.store.readStream(personStream.id(person)));
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }
}

function toFact(person: string, record: PersonRecord): PersonFact {
  return {
    person,
    revision: record.revision,
    occurredAt: occurredAtOf(record.metadata),
    recordedAt: recordedAtOf(record.metadata),
    ...(record.position === undefined ? {} : { position: record.position }),
    event: { type: record.type, data: record.data },
  };
}
