import {
  InvalidCommandError,
  LIMITS,
  defineWorkflow,
  optionalText,
  requireId,
  requireOneOf,
  requireText,
} from '@ltc/workflow-kit';
import type { OrgRolesInput, PersonCommand } from './person.commands';
import { personRefusalTexts } from './person.guards';
import { personMachine } from './person.machine';
import type { PersonPolicy } from './person.policy';
import { ORG_ROLES, type OrgRole } from './person.values';

/** The roles of `orgRoles` (or the one `orgRole`), each known, once each, in `ORG_ROLES` order. */
export function requireOrgRoles(command: string, data: OrgRolesInput): OrgRole[] {
  const given: unknown = data.orgRoles ?? (data.orgRole === undefined ? undefined : [data.orgRole]);
  if (!Array.isArray(given) || given.length === 0) {
    throw new InvalidCommandError(command, 'orgRoles', `must be a non-empty list of ${ORG_ROLES.join(', ')}`);
  }
  const roles = new Set(given.map((role) => requireOneOf(command, 'orgRoles', role, ORG_ROLES)));
  if (
    data.orgRole !== undefined &&
    data.orgRoles !== undefined &&
    !(roles.size === 1 && roles.has(data.orgRole))
  ) {
    throw new InvalidCommandError(command, 'orgRole', 'disagrees with orgRoles: send one of them');
  }
  return ORG_ROLES.filter((role) => roles.has(role));
}

const team = (command: string, value: unknown): string => requireText(command, 'team', value, LIMITS.label);
const reason = (command: string, value: unknown): string | null =>
  optionalText(command, 'reason', value, LIMITS.prose) || null;
const manager = (command: string, value: unknown): string | null =>
  value === null || value === undefined ? null : requireId(command, 'manager', value);

/**
 * The person decider: who is in which team, with which manager and org roles, from when. The dates are
 * the commands' business time (`occurredAt`), so a move recorded late is placed where it happened.
 */
export const personWorkflow = defineWorkflow<typeof personMachine, PersonCommand, PersonPolicy>({
  name: 'person',
  version: 1,
  machine: personMachine,
  refusalTexts: personRefusalTexts,
  commands: {
    JoinPerson: {
      produces: 'PersonJoined',
      build: ({ type, data }) => ({
        type: 'PersonJoined',
        data: {
          name: requireText(type, 'name', data.name, LIMITS.label),
          orgRoles: requireOrgRoles(type, data),
          team: team(type, data.team),
          manager: manager(type, data.manager),
        },
      }),
    },
    MovePersonToTeam: {
      produces: 'PersonMovedTeam',
      build: ({ type, data }, state) => ({
        type: 'PersonMovedTeam',
        data: {
          team: team(type, data.team),
          previousTeam: state.context.team ?? '',
          reason: reason(type, data.reason),
        },
      }),
    },
    ChangePersonManager: {
      produces: 'PersonManagerChanged',
      build: ({ type, data }, state) => {
        if (data.manager === undefined) {
          throw new InvalidCommandError(type, 'manager', 'must be an id, or null for no manager');
        }
        return {
          type: 'PersonManagerChanged',
          data: {
            manager: manager(type, data.manager),
            previousManager: state.context.manager,
            reason: reason(type, data.reason),
          },
        };
      },
    },
    ChangePersonOrgRole: {
      produces: 'PersonOrgRoleChanged',
      build: ({ type, data }, state) => ({
        type: 'PersonOrgRoleChanged',
        data: {
          orgRoles: requireOrgRoles(type, data),
          previousOrgRoles: state.context.orgRoles,
          reason: reason(type, data.reason),
        },
      }),
    },
    RecordPersonLeft: {
      produces: 'PersonLeft',
      build: ({ type, data }, state) => ({
        type: 'PersonLeft',
        data: { team: state.context.team ?? '', reason: reason(type, data.reason) },
      }),
    },
  },
});
