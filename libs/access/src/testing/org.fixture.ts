import type { AccessActor } from '../actor';
import { Org } from '../org';

/**
 * Two teams: north (reps ann and bob, manager mia) and south (rep cat, manager sam); olga in ops and
 * ada the admin sit in the back office.
 */
export const org = new Org([
  { id: 'mia', roles: ['manager'], team: 'north' },
  { id: 'ann', roles: ['rep'], team: 'north', manager: 'mia' },
  { id: 'bob', roles: ['rep'], team: 'north', manager: 'mia' },
  { id: 'sam', roles: ['manager'], team: 'south' },
  { id: 'cat', roles: ['rep'], team: 'south', manager: 'sam' },
  { id: 'olga', roles: ['ops'], team: 'back-office' },
  { id: 'ada', roles: ['admin'], team: 'back-office' },
]);

/** The actor of a directory person, acting in their roles. */
export function as(id: string): AccessActor {
  const person = org.person(id);
  if (person === undefined) throw new Error(`no ${id} in the fixture`);
  return { id, roles: person.roles, team: person.team };
}

export const system: AccessActor = { id: 'system', roles: ['system'] };
