import type { PersonContext } from './person.context';
import type { PersonEvent } from './person.events';
import type { OrgRole } from './person.values';

type GuardArgs = Readonly<{ context: PersonContext; event: PersonEvent }>;

const sameRoles = (a: readonly OrgRole[], b: readonly OrgRole[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

/** Pure guard predicates of the person machine, by name; the rule texts live in `personRefusalTexts`. */
export const personGuards = {
  teamChanges: ({ context, event }: GuardArgs): boolean =>
    event.type === 'PersonMovedTeam' && event.data.team !== context.team,
  managerChanges: ({ context, event }: GuardArgs): boolean =>
    event.type === 'PersonManagerChanged' && event.data.manager !== context.manager,
  orgRolesChange: ({ context, event }: GuardArgs): boolean =>
    event.type === 'PersonOrgRoleChanged' && !sameRoles(event.data.orgRoles, context.orgRoles),
} as const;

/** Why each guard refuses, in words a sales manager understands. */
export const personRefusalTexts: Readonly<Record<string, string>> = {
  teamChanges: 'the person is already in that team',
  managerChanges: 'the person already has that manager',
  orgRolesChange: 'the person already holds exactly those roles',
};
