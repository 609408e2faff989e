import { addUser } from '@ltc/users';
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

/** Writes every person to the users file with one API key each; the keys are returned, not stored. */
export function writeUsers(file: string, people: readonly DemoPerson[], at: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const person of people) {
    const { key } = addUser(
      file,
      {
        id: person.id,
        name: person.name,
        roles: person.roles,
        team: person.team,
        ...(person.manager === undefined ? {} : { manager: person.manager }),
      },
      at,
    );
    keys.set(person.id, key);
  }
  return keys;
}
