import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@ltc/engine';
import { defaultPersonPolicy, personWorkflow } from '@ltc/workflow-person';
import { AccessService } from '../access/access.service';
import { OrgDirectory } from '../access/org-directory';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizePerson } from './person.access';
import { PersonWorkflowCommand } from './person.commands';

/** Every person command through the engine; the org directory takes the events at once (exact access). */
@CommandHandler(PersonWorkflowCommand)
export class PersonCommandHandler implements ICommandHandler<PersonWorkflowCommand, CommandResult> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
    private readonly org: OrgDirectory,
  ) {}

  async execute(message: PersonWorkflowCommand): Promise<CommandResult> {
    const result = await this.engine.execute(personWorkflow, defaultPersonPolicy, message, (request, state) =>
      authorizePerson(this.access, request, state),
    );
    // The result names the position of its last event: exact for one event; for more, the
    // subscription's delivery brings each event's own.
    const at = result.position === null || result.events.length !== 1 ? {} : { position: result.position };
    this.org.feed(result.events.map((event) => ({ ...event, streamId: result.streamId, ...at })));
    return result;
  }
}
