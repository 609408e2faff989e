import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Command } from '@ltc/domain';
import { CLOCK, type Clock, type CommandResult } from '@ltc/engine';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { APP_CONFIG } from '../app-config.token';
import { OrgDirectory } from '../access/org-directory';
import type { AppConfig } from '../config';
import { contractRoutes } from '../contracts/contract.routes';
import { customerRoutes } from '../customers/customer.routes';
import { routeData } from '../http/command.controller';
import { errorBody } from '../http/error.filter';
import { DealIndex } from '../queries/deal-index';
import type { CommandRoute, RouteTable } from '../http/command-route';
import { leadRoutes } from '../leads/lead.routes';
import { opportunityRoutes } from '../opportunities/opportunity.routes';
import { personRoutes } from '../people/person.routes';
import { ProcessManagers } from '../process-managers/process-managers.service';
import { lineBody, type LineBody } from './import-body';
import {
  ImportChecker,
  type Checked,
  type CommandTypes,
  type ImportCommand,
  type LineRefusal,
} from './import-line';

/** The workflows an import line may address: every command of their route tables. */
// People first: a history's teams and roles are lines like any other (JoinPerson, MovePersonToTeam...).
const TABLES: readonly RouteTable<Command>[] = [
  personRoutes,
  customerRoutes,
  leadRoutes,
  opportunityRoutes,
  contractRoutes,
] as unknown as RouteTable<Command>[];

export type OnError = 'stop' | 'skip';

/** One line's answer, streamed back as it is decided. */
export type LineResult =
  | Readonly<{
      line: number;
      status: 'applied' | 'duplicate';
      type: string;
      streamId: string;
      revision: number;
      events: number;
      /** Events the process managers appended in reaction, at the line's business time. */
      reactions: number;
      reactionFailures?: readonly string[];
    }>
  | Readonly<{ line: number; status: 'valid'; type: string; streamId: string }>
  | (LineRefusal & Readonly<{ status: 'refused' }>);

export type ImportSummary = Readonly<{
  summary: {
    lines: number;
    applied: number;
    duplicate: number;
    refused: number;
    valid: number;
    /** The line an `--on-error stop` import stopped at; the lines after it did not run. */
    stoppedAt: number | null;
    notRun: number;
    dryRun: boolean;
    startedAt: string;
    finishedAt: string;
  };
}>;

/**
 * Runs an import file's lines in order through the real pipeline (the CommandBus and the workflows'
 * handlers), each as an imported command at its business time, then the process managers' reactions to
 * what it appended before the next line. Access rules are not applied per line: the admin who sent the
 * import vouches for it; the machines decide every line.
 */
@Injectable()
export class ImportService {
  private readonly types: CommandTypes;

  constructor(
    private readonly commands: CommandBus,
    private readonly deals: DealIndex,
    private readonly processManagers: ProcessManagers,
    private readonly org: OrgDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const types = new Map<string, Map<string, (target: string) => string>>();
    for (const table of TABLES) {
      for (const type of Object.keys(table.routes)) {
        const kinds = types.get(type) ?? new Map<string, (target: string) => string>();
        kinds.set(table.stream.category, table.stream.id);
        types.set(type, kinds);
      }
    }
    this.types = types;
  }

  async run(
    lines: AsyncIterable<string>,
    options: { onError: OnError; dryRun: boolean },
    emit: (result: LineResult) => void,
  ): Promise<ImportSummary> {
    const startedAt = this.clock.now();
    const checker = new ImportChecker(
      this.types,
      () => this.clock.now(),
      this.config.businessTime.futureSkewMs,
    );
    const count = { lines: 0, applied: 0, duplicate: 0, refused: 0, valid: 0, notRun: 0 };
    let stoppedAt: number | null = null;
    let number = 0;
    for await (const text of lines) {
      number++;
      if (text.trim() === '') continue;
      count.lines++;
      if (stoppedAt !== null) {
        count.notRun++;
        continue;
      }
      const result = await this.lineResult(checker.check(text, number), options.dryRun);
      count[result.status]++;
      emit(result);
      if (result.status === 'refused' && options.onError === 'stop') stoppedAt = number;
    }
    return {
      summary: { ...count, stoppedAt, dryRun: options.dryRun, startedAt, finishedAt: this.clock.now() },
    };
  }

  /** A checked line, its body through its route's DTO, then run (or, in a dry run, only found valid). */
  private async lineResult(checked: Checked, dryRun: boolean): Promise<LineResult> {
    if (!checked.ok) return { ...checked.refusal, status: 'refused' };
    const { command } = checked;
    const body = await lineBody(this.routeOf(command), command);
    if (!body.ok) return { ...body.refusal, status: 'refused' };
    if (dryRun)
      return { line: command.line, status: 'valid', type: command.type, streamId: command.streamId };
    return this.execute(command, body.value);
  }

  private tableOf(line: ImportCommand): RouteTable<Command> {
    return TABLES.find((t) => t.stream.category === line.kind)!;
  }

  private routeOf(line: ImportCommand): CommandRoute {
    return this.tableOf(line).routes[line.type]!;
  }

  private async execute(line: ImportCommand, { body, gate }: LineBody): Promise<LineResult> {
    const table = this.tableOf(line);
    const route = this.routeOf(line);
    // The actor as the org stood at the line's business time (a rep who has left since still imports).
    const known = await this.org.actorAt(line.actor, line.occurredAt);
    const meta = {
      commandId: line.commandId,
      actor: known ?? { id: line.actor, roles: [] },
      occurredAt: line.occurredAt,
      imported: true,
    };
    let result: CommandResult;
    try {
      // The body is the command's HTTP body, validated by its DTO; the route maps it to the data as there.
      const command = routeData(table.stream.category, route, [line.target, gate, body, meta], (o) =>
        this.deals.ownedCustomers(o),
      );
      result = await this.commands.execute(
        new table.message(line.streamId, { type: line.type, data: command.data }, command.meta),
      );
    } catch (error) {
      const body = errorBody(error);
      // An infrastructure failure is not the line's fault: the import stops, a re-run resumes it.
      if (body.statusCode >= 500) throw error;
      return {
        line: line.line,
        status: 'refused',
        code: body.code,
        reason: body.message,
        ...(typeof body.rule === 'string' ? { rule: body.rule } : {}),
      };
    }
    // A duplicate runs its reactions too: a run killed between a line and its reactions heals on re-run.
    const { reactions, failures } = await this.react(result);
    return {
      line: line.line,
      status: result.duplicate ? 'duplicate' : 'applied',
      type: line.type,
      streamId: result.streamId,
      revision: result.revision,
      events: result.events.length,
      reactions,
      ...(failures.length === 0 ? {} : { reactionFailures: failures }),
    };
  }

  /** The process managers' reactions to a result's events, and to what those appended, depth first. */
  private async react(result: CommandResult): Promise<{ reactions: number; failures: string[] }> {
    let reactions = 0;
    const failures: string[] = [];
    if (!result.events.some((e) => this.processManagers.reactsTo(e.type))) return { reactions, failures };
    const first = result.events[0]!.revision;
    const stored = await this.store.readStream(result.streamId, {
      from: first,
      maxCount: result.events.length,
    });
    for (const event of stored) {
      const outcome = await this.processManagers.reactTo(event);
      failures.push(...outcome.failures);
      for (const caused of outcome.results) {
        if (!caused.duplicate) reactions += caused.events.length;
        const deeper = await this.react(caused);
        reactions += deeper.reactions;
        failures.push(...deeper.failures);
      }
    }
    return { reactions, failures };
  }
}
