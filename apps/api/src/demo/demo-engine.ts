import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import {
  contractStream,
  customerStream,
  exchangeRatesStream,
  forecastCallStream,
  incentivePeriodStream,
  incentivePlanStream,
  leadStream,
  opportunityStream,
  personStream,
  type Command,
} from '@ltc/domain';
import type { Actor, CommandResult } from '@ltc/engine';
import { EVENT_STORE, SqliteEventStore, type EventStore, type Position } from '@ltc/event-store';
import { SYSTEM_ACTOR } from '../access/access.service';
import { AppModule } from '../app.module';
import { OrgDirectory } from '../access/org-directory';
import { loadConfig } from '../config';
import { ContractWorkflowCommand } from '../contracts/contract.commands';
import { CustomerWorkflowCommand } from '../customers/customer.commands';
import { ExchangeRatesWorkflowCommand } from '../forecasts/exchange-rates.command';
import { ForecastCallWorkflowCommand } from '../forecasts/forecast-call.command';
import { SweepIdleCustomersCommand, type SweepResult } from '../customers/sweep.command';
import type { WorkflowCommand } from '../engine/workflow-command';
import {
  IncentivePeriodWorkflowCommand,
  IncentivePlanWorkflowCommand,
} from '../incentives/incentive.commands';
import { LeadWorkflowCommand } from '../leads/lead.commands';
import { OpportunityWorkflowCommand } from '../opportunities/opportunity.commands';
import { PersonWorkflowCommand } from '../people/person.commands';
import type { CheckpointStore } from '../process-managers/checkpoint.store';
import { CHECKPOINTS } from '../process-managers/checkpoint.token';
import { LtcReactions } from '../process-managers/ltc.reactions';
import { ReadModels } from '../read-models/read-models.service';
import { ProjectionRunner } from '@ltc/projections';
import { ALL_PROJECTIONS } from '@ltc/read-models';
import type { SimulatedClock } from './simulated-clock';

/** The streams the demo sends commands to, and the bus message each kind travels in. */
const MESSAGES = {
  customer: [customerStream.id, CustomerWorkflowCommand],
  lead: [leadStream.id, LeadWorkflowCommand],
  opportunity: [opportunityStream.id, OpportunityWorkflowCommand],
  contract: [contractStream.id, ContractWorkflowCommand],
  person: [personStream.id, PersonWorkflowCommand],
  'incentive-plan': [incentivePlanStream.id, IncentivePlanWorkflowCommand],
  'incentive-period': [incentivePeriodStream.id, IncentivePeriodWorkflowCommand],
  'forecast-call': [forecastCallStream.id, ForecastCallWorkflowCommand],
  'exchange-rates': [exchangeRatesStream.id, ExchangeRatesWorkflowCommand],
} as const satisfies Record<
  string,
  readonly [(id: string) => string, new (stream: string, command: never, meta: never) => WorkflowCommand]
>;
export type DemoTarget = Readonly<{ kind: keyof typeof MESSAGES; id: string }>;

/**
 * Commands whose process-manager reaction reads a read model (a converted lead's opportunity asks the
 * deal index whether the customer already has contracts): the read models catch up before they are sent,
 * so the reaction reads the same thing on every run.
 */
const REACTION_READS_READ_MODELS = new Set(['ConvertLead']);

const sleep = (ms: number) =>
  new Promise<void>((done) => (ms === 0 ? setImmediate(done) : setTimeout(done, ms)));

/**
 * The api's own modules (pipeline, access rules, process managers, projections) booted without HTTP, on
 * a SQLite store and a pipeline that both read the simulated clock. Every command goes through the
 * CommandBus as an HTTP request's would, as the user the users file names.
 */
export class DemoEngine {
  private commandCount = 0;
  /** The log position up to which every process-manager trigger has been handled. */
  private settledTo: Position | null = null;

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly store: EventStore,
    private readonly triggers: ReadonlySet<string>,
    private readonly prefix: string,
  ) {}

  static async open(dataDir: string, clock: SimulatedClock, commandPrefix: string): Promise<DemoEngine> {
    const config = loadConfig({ DATA_DIR: dataDir, EVENT_STORE: 'sqlite', SWEEP_INTERVAL_MINUTES: '0' });
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot(config, {
        clock,
        // NORMAL: a seed that dies is started again from an empty folder, so it need not fsync each commit.
        eventStore: () =>
          new SqliteEventStore({ file: config.sqliteFile, clock: clock.date, synchronous: 'NORMAL' }),
      }),
      { logger: ['error', 'warn'] },
    );
    await app.get(ReadModels).runner.stop();
    const triggers = new Set(
      app
        .get(LtcReactions)
        .all()
        .flatMap((r) => r.eventTypes),
    );
    return new DemoEngine(app, app.get<EventStore>(EVENT_STORE), triggers, commandPrefix);
  }

  get commands(): number {
    return this.commandCount;
  }

  /** The actor the api would authenticate for this person now (roles and team from the log). */
  async actor(personId: string): Promise<Actor> {
    const actor = await this.app.get(OrgDirectory).actor(personId);
    if (actor === undefined) throw new Error(`"${personId}" is not in the demo's organisation`);
    return actor;
  }

  /** Sends one command as `userId` (or the system) and waits until the process managers have reacted. */
  async send(target: DemoTarget, command: Command, userId: string): Promise<CommandResult> {
    if (REACTION_READS_READ_MODELS.has(command.type)) await this.settleReadModels();
    const [streamOf, Message] = MESSAGES[target.kind];
    const actor = userId === SYSTEM_ACTOR.id ? SYSTEM_ACTOR : await this.actor(userId);
    const commandId = `${this.prefix}${(++this.commandCount).toString(36)}`;
    const message = new (
      Message as new (s: string, c: Command, m: WorkflowCommand['meta']) => WorkflowCommand
    )(streamOf(target.id), command, { commandId, actor });
    const result = await this.app.get(CommandBus).execute(message);
    if (result.events.some((e) => this.triggers.has(e.type))) await this.settleReactions();
    else if (result.position !== null) this.settledTo = result.position;
    return result;
  }

  /** The idle-customer sweep, as its schedule runs it, at the simulated now. */
  async sweep(userId: string): Promise<SweepResult> {
    await this.settleReadModels();
    const result = await this.app
      .get(CommandBus)
      .execute(new SweepIdleCustomersCommand(await this.actor(userId)));
    await this.settleReactions();
    return result;
  }

  /**
   * Every read model has applied the whole log. The api's live runner is stopped while the demo seeds (a
   * live runner commits after every command, which would triple the seed's time); a runner of the same
   * projections catches up in bulk here, when a reaction or the sweep is about to read them, and at the end.
   */
  async settleReadModels(): Promise<void> {
    const models = this.app.get(ReadModels);
    const runner = new ProjectionRunner({
      store: this.store,
      readModels: models.store,
      projections: ALL_PROJECTIONS,
      upcasters: models.upcasters,
      label: 'demo',
      writer: 'direct',
    });
    await runner.start();
    try {
      await runner.catchUp();
    } finally {
      await runner.stop();
    }
  }

  /**
   * Waits until the process managers have handled every trigger event in the log, including those that
   * their own commands appended (a cascade), so their commands carry the same simulated instant.
   */
  async settleReactions(): Promise<void> {
    const checkpoints = this.app.get<CheckpointStore>(CHECKPOINTS, { strict: false });
    for (;;) {
      let last: Position | null = null;
      for await (const event of this.store.readAll(
        this.settledTo === null ? {} : { fromPosition: this.settledTo },
      )) {
        if (this.triggers.has(event.type)) last = event.position;
        this.settledTo = event.position;
      }
      if (last === null) return;
      for (let waited = 0; (checkpoints.read() ?? '') < last; waited++) {
        if (waited > 40_000) throw new Error(`the process managers did not reach ${last} within 30 s`);
        await sleep(waited < 500 ? 0 : 1);
      }
    }
  }

  async eventCount(): Promise<number> {
    let count = 0;
    for await (const _ of this.store.readAll()) count++;
    return count;
  }

  async close(): Promise<void> {
    await this.settleReactions();
    await this.settleReadModels();
    await this.app.close();
  }
}
