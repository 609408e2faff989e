import { personStream } from '@ltc/domain';
import type { PersonCommand } from '@ltc/workflow-person';
import { routeTable } from '../http/command-route';
import {
  ChangePersonManagerDto,
  ChangePersonOrgRoleDto,
  JoinPersonDto,
  MovePersonToTeamDto,
  RecordPersonLeftDto,
} from './dtos/person.dtos';
import { PersonWorkflowCommand } from './person.commands';

/** Every person command over HTTP: `POST /api/people/...` (managers and admins). */
export const personRoutes = routeTable<PersonCommand>()({
  path: 'people',
  label: 'Person',
  labelPlural: 'People',
  stream: personStream,
  message: PersonWorkflowCommand,
  routes: {
    JoinPerson: {
      path: '',
      dto: JoinPersonDto,
      creates: 'personId',
      summary: 'a person joins the organisation (or rejoins) in a team, with org roles and a manager',
    },
    MovePersonToTeam: {
      path: ':id/team',
      dto: MovePersonToTeamDto,
      summary: 'move a person to another team (effective at the business time, X-Occurred-At)',
    },
    ChangePersonManager: {
      path: ':id/manager',
      dto: ChangePersonManagerDto,
      summary: "change a person's manager (null: none)",
    },
    ChangePersonOrgRole: {
      path: ':id/role',
      dto: ChangePersonOrgRoleDto,
      summary: "change a person's org roles",
    },
    RecordPersonLeft: {
      path: ':id/leave',
      dto: RecordPersonLeftDto,
      summary: 'a person leaves the organisation: their keys stop working, their history stays',
    },
  },
});
