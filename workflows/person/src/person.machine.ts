import { assign, setup } from 'xstate';
import { personUpdates } from './person.actions';
import { emptyPersonContext, type PersonContext } from './person.context';
import type { PersonEvent } from './person.events';
import { personGuards } from './person.guards';

const u = personUpdates;

/**
 * A person of the organisation: team, manager and org roles over time. Effective dates are the events'
 * business time, so the org at any instant is a stream prefix; a person who left may rejoin.
 */
export const personMachine = setup({
  types: { context: {} as PersonContext, events: {} as PersonEvent },
  guards: personGuards,
  actions: {
    join: assign(u.join),
    moveTeam: assign(u.moveTeam),
    changeManager: assign(u.changeManager),
    changeOrgRole: assign(u.changeOrgRole),
    leave: assign(u.leave),
  },
}).createMachine({
  id: 'person',
  context: emptyPersonContext,
  initial: 'none',
  states: {
    none: { on: { PersonJoined: { target: 'active', actions: 'join' } } },
    active: {
      on: {
        PersonMovedTeam: { guard: 'teamChanges', actions: 'moveTeam' },
        PersonManagerChanged: { guard: 'managerChanges', actions: 'changeManager' },
        PersonOrgRoleChanged: { guard: 'orgRolesChange', actions: 'changeOrgRole' },
        PersonLeft: { target: 'left', actions: 'leave' },
      },
    },
    left: { on: { PersonJoined: { target: 'active', actions: 'join' } } },
  },
});
