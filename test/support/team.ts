import { issueApiKey, writeUsersFile } from '@ltc/users';
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

/** When the team's keys were issued: the people's effective join date once the api takes them in. */
export const TEAM_JOINED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Writes a users file as it was before people were in the log (roles, team and manager per user), so
 * every e2e session also runs the api's first-start migration; returns each person's API key.
 */
export function writeTeam(usersFile: string): Record<Person, string> {
  const keys = {} as Record<Person, string>;
  const users = PEOPLE.map((p) => {
    const { key, record } = issueApiKey(TEAM_JOINED_AT);
    keys[p.id] = key;
    return { ...p, person: p.id, name: p.id, roles: [...p.roles], apiKeys: [record] };
  });
  writeUsersFile(usersFile, { version: 1, users });
  return keys;
}
