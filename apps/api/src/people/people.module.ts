import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '@ltc/engine';
import { personWorkflow } from '@ltc/workflow-person';
import { AccessService, SYSTEM_ACTOR } from '../access/access.service';
import { OrgDirectory } from '../access/org-directory';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { PeopleController } from './people.controller';
import { ListPeopleHandler } from './people.queries';
import { authorizePerson } from './person.access';
import { PersonCommandHandler } from './person.handler';
import { personRoutes } from './person.routes';
import { migrateUsersFile } from './users-migration';

@Module({
  controllers: [PeopleController],
  providers: [PersonCommandHandler, ListPeopleHandler],
})
export class PeopleModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('People');

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
    private readonly org: OrgDirectory,
    private readonly engine: WorkflowEngine,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'person',
      plural: personRoutes.path,
      workflow: personWorkflow,
      streamId: personRoutes.stream.id,
      authorize: (request, state) => authorizePerson(this.access, request, state),
      // The directory is everyone's to read: names, teams and managers.
      people: () => ['*'],
    });
  }

  /** Before the first request: the org from the log, then the users file's old org fields taken in once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.org.start();
    const migration = await migrateUsersFile(this.config.usersFile, {
      pipeline: this.engine.pipeline,
      actor: SYSTEM_ACTOR,
      now: this.clock.now(),
      appended: (streamId, events) => this.org.feed(events.map((e) => ({ ...e, streamId }))),
      warn: (line) => this.logger.warn(line),
    });
    if (migration.joined.length > 0) {
      this.logger.log(`users file: ${migration.joined.length} people taken into the log`);
    }
    for (const { user, reason } of migration.refused) {
      this.logger.error(`users file: ${user} could not be taken into the log: ${reason}`);
    }
  }
}
