import { addUser } from '@ltc/users';
import type { UserRole } from '@ltc/domain';

/** The people of the e2e tests: two teams, a manager, an ops user and an admin. */
export const PEOPLE = [
  { id: 'bob', roles: ['manager'], team: 'east' },
  { id: 'ann', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'sam', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'fay', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'wes', roles: ['manager'], team: 'west' },
  { id: 'cy', roles: ['rep'], team: 'west', manager: 'wes' },
  { id: 'ops', roles: ['ops'], team: 'finance' },
  { id: 'root', roles: ['admin'], team: 'hq' },
] as const satisfies readonly { id: string; roles: readonly UserRole[]; team: string; manager?: string }[];

export type Person = (typeof PEOPLE)[number]['id'];

/** Writes the users file and returns each person's API key. */
export function writeTeam(usersFile: string): Record<Person, string> {
  const keys = {} as Record<Person, string>;
  for (const p of PEOPLE) {
    keys[p.id] = addUser(usersFile, { ...p, roles: [...p.roles] }, '2026-01-01T00:00:00.000Z').key;
  }
  return keys;
}
