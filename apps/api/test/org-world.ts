import { personStream, UpcasterRegistry } from '@ltc/domain';
import { CommandPipeline, FixedClock, type Actor } from '@ltc/engine';
import { MemoryEventStore } from '@ltc/event-store';
import { defaultPersonPolicy, personWorkflow, type PersonCommand } from '@ltc/workflow-person';
import { OrgDirectory } from '../src/access/org-directory';

const system: Actor = { id: 'system', roles: ['system'] };

/** A store, a pipeline writing person commands to it, and a directory reading it. */
export function orgWorld(clock = new FixedClock('2026-01-05T09:00:00.000Z')) {
  const store = new MemoryEventStore();
  const pipeline = new CommandPipeline(store, clock);
  const org = new OrgDirectory(store, new UpcasterRegistry());
  const send = (person: string, command: PersonCommand, occurredAt?: string) =>
    pipeline.execute(personWorkflow, defaultPersonPolicy, {
      streamId: personStream.id(person),
      command,
      commandId: `${person}-${command.type}-${occurredAt ?? clock.now()}`,
      actor: system,
      ...(occurredAt === undefined ? {} : { occurredAt }),
    });
  const join = (person: string, orgRole: 'rep' | 'manager', team: string, manager?: string) =>
    send(person, { type: 'JoinPerson', data: { name: person, orgRole, team, manager: manager ?? null } });
  return { store, pipeline, org, clock, send, join };
}
