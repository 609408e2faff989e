import { addUser } from '@ltc/users';
import type { DemoContext } from './demo-context';
import { TEAMS, type DemoPerson, type DemoWorld } from './demo-world';

/**
 * The sales organisation: three teams, each with a manager, its account managers (AR), a solution
 * manager (SR) and a delivery manager (FR); ops and an admin at headquarters. `reps` account managers
 * are dealt over the teams in turn.
 */
export function buildOrganisation(world: DemoWorld, reps: number): DemoPerson[] {
  let names = 0;
  const add = (person: Omit<DemoPerson, 'name'>) => {
    const created = { ...person, name: world.personName(names++) };
    world.people.push(created);
    return created;
  };
  const teams = TEAMS.slice(0, Math.max(1, Math.min(TEAMS.length, reps)));
  for (const team of teams) add({ id: `${team}-manager`, job: 'manager', roles: ['manager'], team });
  for (let i = 0; i < reps; i++) {
    const team = teams[i % teams.length]!;
    add({
      id: `${team}-rep-${Math.floor(i / teams.length) + 1}`,
      job: 'account',
      roles: ['rep'],
      team,
      manager: `${team}-manager`,
    });
  }
  for (const team of teams) {
    add({ id: `${team}-solutions`, job: 'solution', roles: ['rep'], team, manager: `${team}-manager` });
    add({ id: `${team}-delivery`, job: 'delivery', roles: ['rep'], team, manager: `${team}-manager` });
  }
  add({ id: 'ops-1', job: 'ops', roles: ['ops'], team: 'hq' });
  add({ id: 'ops-2', job: 'ops', roles: ['ops'], team: 'hq' });
  add({ id: 'admin', job: 'admin', roles: ['admin'], team: 'hq' });
  return world.people;
}

/**
 * Every person joins the organisation through the engine (`person-<id>` streams, as `ltc users add`
 * writes them), managers before their reps, recorded by the system at the history's first instant.
 */
export async function joinOrganisation(context: DemoContext): Promise<void> {
  for (const person of context.world.people) {
    await context.send(
      { kind: 'person', id: person.id },
      {
        type: 'JoinPerson',
        data: {
          name: person.name,
          team: person.team,
          orgRoles: person.roles,
          manager: person.manager ?? null,
        },
      },
      'system',
    );
  }
}

/** One API key per person in the users file (linked to the person); the keys are returned, not stored. */
export function writeUsers(file: string, people: readonly DemoPerson[], at: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const person of people) {
    const { key } = addUser(file, { id: person.id, person: person.id, name: person.name }, at);
    keys.set(person.id, key);
  }
  return keys;
}
