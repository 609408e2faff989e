import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, UpcasterRegistry } from '@ltc/domain';
import { CLOCK, type Clock, type CommandResult } from '@ltc/engine';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ltc/event-store';
import { concatMap, type Subscription } from 'rxjs';
import { CHECKPOINTS, DEAD_LETTERS } from './checkpoint.token';
import { deadLetterId, type DeadLetter, type DeadLetterStore } from './dead-letters';
import type { CheckpointStore } from './checkpoint.store';
import { LtcReactions } from './ltc.reactions';
import type { Reaction } from './reaction';

/** Attempts of a reaction that fails on an infrastructure error (a busy file), 100 ms then 200 ms apart. */
export const ATTEMPTS = 3;
const backoffMs = (attempt: number) => 100 * 2 ** (attempt - 1);

/** What the reactions to one event did: the results of their commands, and what failed. */
export type ReactionOutcome = Readonly<{ results: readonly CommandResult[]; failures: readonly string[] }>;

/** What retrying one dead letter did: resolved (and removed), or failed again (and kept). */
export type RetryOutcome = Readonly<{
  id: string;
  status: 'resolved' | 'failed';
  /** Events the reaction's commands appended (0 when they were already there). */
  events: number;
  error?: string;
}>;

export type ProcessManagerStats = Readonly<{
  handled: number;
  failures: number;
  deadLetters: number;
  oldestDeadLetter: DeadLetter | null;
}>;

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const { code, rule } = error as { code?: unknown; rule?: unknown };
  const label = [code, rule].filter((v) => typeof v === 'string').join(' ');
  return label === '' ? error.message : `${label}: ${error.message}`;
};

/**
 * Follows the log from its checkpoint and runs each reaction on the events it names, one event at a
 * time, sending the reaction's commands through the CommandBus. A reaction that fails (a refusal at
 * once, an infrastructure error after `ATTEMPTS`) becomes a dead letter, kept beside the checkpoint
 * until a retry succeeds; the log moves on. Its commands are idempotent, so a retry, or the subscription
 * meeting the event again, repeats nothing that was done.
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
    @Inject(DEAD_LETTERS) private readonly deadLetters: DeadLetterStore,
    private readonly reactions: LtcReactions,
    private readonly commands: CommandBus,
    private readonly upcasters: UpcasterRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get stats(): ProcessManagerStats {
    const letters = this.deadLetters.all();
    return {
      handled: this.handled,
      failures: this.failures,
      deadLetters: letters.length,
      oldestDeadLetter: letters[0] ?? null,
    };
  }

  /** The dead letters, oldest first. */
  letters(): readonly DeadLetter[] {
    return this.deadLetters.all();
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
   * Runs every reaction to one stored event; what fails becomes a dead letter (what succeeds clears
   * its letter, if any). Returns what the reactions' commands produced and their failures. The
   * subscription calls it for each event in log order; the importer calls it after each line, so the
   * reactions land at the line's business time before the next line (idempotent: whoever comes second
   * finds a duplicate).
   */
  async reactTo(stored: StoredEvent): Promise<ReactionOutcome> {
    const outcome: { results: CommandResult[]; failures: string[] } = { results: [], failures: [] };
    for (const reaction of this.reactions.all()) {
      if (!reaction.eventTypes.includes(stored.type)) continue;
      const run = await this.run(reaction, stored);
      if (run.ok) outcome.results.push(...run.results);
      else outcome.failures.push(`${reaction.name} on ${stored.type} ${stored.id}: ${run.error}`);
    }
    return outcome;
  }

  /**
   * Runs the reactions of dead letters again (all of them, or those named), each on its event as
   * stored: a success removes the letter, a failure keeps it with the new attempts and error.
   */
  async retry(ids?: readonly string[]): Promise<RetryOutcome[]> {
    const letters = this.deadLetters.all().filter((l) => ids === undefined || ids.includes(l.id));
    const outcomes: RetryOutcome[] = [];
    for (const letter of letters) {
      const reaction = this.reactions.all().find((r) => r.name === letter.reaction);
      const [event] = await this.store
        .readStream(letter.event.streamId, { from: letter.event.revision, maxCount: 1 })
        .catch(() => []);
      if (reaction === undefined || event?.id !== letter.event.id) {
        const error =
          reaction === undefined
            ? `no reaction ${letter.reaction} any more`
            : `event ${letter.event.id} is not in the log at ${letter.event.streamId}@${letter.event.revision}`;
        outcomes.push({ id: letter.id, status: 'failed', events: 0, error });
        continue;
      }
      const run = await this.run(reaction, event);
      outcomes.push(
        run.ok
          ? {
              id: letter.id,
              status: 'resolved',
              events: run.results.reduce((n, r) => n + (r.duplicate ? 0 : r.events.length), 0),
            }
          : { id: letter.id, status: 'failed', events: 0, error: run.error },
      );
    }
    return outcomes;
  }

  /** One reaction on one event, retrying an infrastructure error; keeps its dead letter up to date. */
  private async run(
    reaction: Reaction,
    stored: StoredEvent,
  ): Promise<{ ok: true; results: CommandResult[] } | { ok: false; error: string }> {
    // Reactions read event data, so they see it upcast to the current schema like every other reader.
    const event = this.upcasters.upcastStored(stored);
    const id = deadLetterId(reaction.name, stored.id);
    for (let attempt = 1; ; attempt++) {
      try {
        const results: CommandResult[] = [];
        for (const command of await reaction.react(event)) results.push(await this.commands.execute(command));
        this.handled++;
        this.deadLetters.remove(id);
        return { ok: true, results };
      } catch (error) {
        // A domain refusal will not change on retry; an infrastructure hiccup (a busy file) may.
        if (!(error instanceof DomainError) && attempt < ATTEMPTS) {
          await new Promise((done) => setTimeout(done, backoffMs(attempt)));
          continue;
        }
        this.failures++;
        const message = describeError(error);
        this.logger.error(`${reaction.name} on ${stored.type} ${stored.id}: ${message}`);
        this.deadLetter(id, reaction.name, stored, attempt, message);
        return { ok: false, error: message };
      }
    }
  }

  private deadLetter(
    id: string,
    reaction: string,
    stored: StoredEvent,
    attempts: number,
    error: string,
  ): void {
    const now = this.clock.now();
    const before = this.deadLetters.all().find((l) => l.id === id);
    const { id: eventId, type, streamId, revision, position } = stored;
    this.deadLetters.put({
      id,
      reaction,
      event: { id: eventId, type, streamId, revision, position },
      attempts: (before?.attempts ?? 0) + attempts,
      firstFailedAt: before?.firstFailedAt ?? now,
      lastFailedAt: now,
      error,
    });
  }
}
