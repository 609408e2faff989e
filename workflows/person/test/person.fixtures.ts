import { deciderSpec } from '@ltc/workflow-kit';
import type {
  PersonJoined,
  PersonLeft,
  PersonManagerChanged,
  PersonMovedTeam,
  PersonOrgRoleChanged,
} from '../src/person.events';
import { defaultPersonPolicy } from '../src/person.policy';
import { personWorkflow } from '../src/person.workflow';

export const at = '2026-03-02T09:00:00.000Z';
export const given = deciderSpec(personWorkflow, { at, actor: 'mia', policy: defaultPersonPolicy });

export const joined: PersonJoined = {
  type: 'PersonJoined',
  data: { name: 'Ann Lee', orgRoles: ['rep'], team: 'north', manager: 'mia' },
};
export const moved: PersonMovedTeam = {
  type: 'PersonMovedTeam',
  data: { team: 'south', previousTeam: 'north', reason: 'Opens the southern region' },
};
export const managerChanged: PersonManagerChanged = {
  type: 'PersonManagerChanged',
  data: { manager: 'sam', previousManager: 'mia', reason: null },
};
export const roleChanged: PersonOrgRoleChanged = {
  type: 'PersonOrgRoleChanged',
  data: { orgRoles: ['rep', 'manager'], previousOrgRoles: ['rep'], reason: 'Team lead' },
};
export const left: PersonLeft = { type: 'PersonLeft', data: { team: 'north', reason: null } };
