import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, UpcasterRegistry } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ltc/event-store';
import { concatMap, type Subscription } from 'rxjs';
import { CHECKPOINTS } from './checkpoint.token';
import type { CheckpointStore } from './checkpoint.store';
import { LtcReactions } from './ltc.reactions';

const RETRIES = 3;

/** What the reactions to one event did: the results of their commands, and what failed. */
export type ReactionOutcome = Readonly<{ results: readonly CommandResult[]; failures: readonly string[] }>;

/**
 * Follows the log from its checkpoint and runs each reaction on the events it names, one event at a
 * time, sending the reaction's commands through the CommandBus. A reaction that fails is logged and
 * counted; the log moves on (its command is idempotent, so `ltc` can replay it later).
 */
@Injectable()
export class ProcessManagers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ProcessManagers');
  private subscription: Subscription | undefined;
  private failures = 0;
  private handled = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINTS) private readonly checkpoints: CheckpointStore,
    private readonly reactions: LtcReactions,
    private readonly commands: CommandBus,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  get stats(): { handled: number; failures: number } {
    return { handled: this.handled, failures: this.failures };
  }

  onApplicationBootstrap(): void {
    const reactions = this.reactions.all();
    const types = new Set(reactions.flatMap((r) => r.eventTypes));
    const from = this.checkpoints.read();
    this.subscription = this.store
      .subscribeAll({
        ...(from === undefined ? {} : { fromPosition: from }),
        filter: { eventTypePrefixes: [...types] },
      })
      .pipe(
        concatMap(async (message) => {
          if (message.kind === 'event') await this.handle(message.event);
        }),
      )
      .subscribe({ error: (error: unknown) => this.logger.error(`subscription failed: ${String(error)}`) });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async handle(stored: StoredEvent): Promise<void> {
    await this.reactTo(stored);
    this.checkpoints.write(stored.position);
  }

  /** True when some reaction handles events of this type. */
  reactsTo(type: string): boolean {
    return this.reactions.all().some((r) => r.eventTypes.includes(type));
  }

  /**
   * Runs every reaction to one stored event, retrying an infrastructure hiccup; a refusal is logged and
   * counted. Returns what the reactions' commands produced and their failures. The subscription calls it
   * for each event in log order; the importer calls it after each line, so the reactions land at the
   * line's business time before the next line (idempotent: whoever comes second finds a duplicate).
   */
  async reactTo(stored: StoredEvent): Promise<ReactionOutcome> {
    const outcome: { results: CommandResult[]; failures: string[] } = { results: [], failures: [] };
    // Reactions read event data, so they see it upcast to the current schema like every other reader.
    const event = this.upcasters.upcastStored(stored);
    for (const reaction of this.reactions.all()) {
      if (!reaction.eventTypes.includes(event.type)) continue;
      for (let attempt = 1; ; attempt++) {
        try {
          for (const command of await reaction.react(event)) {
            outcome.results.push(await this.commands.execute(command));
          }
          this.handled++;
          break;
        } catch (error) {
          // A domain refusal will not change on retry; an infrastructure hiccup (a busy file) may.
          if (!(error instanceof DomainError) && attempt < RETRIES) {
            await new Promise((done) => setTimeout(done, 100 * attempt));
            continue;
          }
          this.failures++;
          const failure = `${reaction.name} on ${event.type} ${event.id}: ${String(error)}`;
          outcome.failures.push(failure);
          this.logger.error(failure);
          break;
        }
      }
    }
    return outcome;
  }
}
