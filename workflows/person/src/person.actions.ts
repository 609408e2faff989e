import type { PersonContext } from './person.context';
import type { PersonEvent } from './person.events';

type Args = Readonly<{ context: PersonContext; event: PersonEvent }>;
type Update = (args: Args) => Partial<PersonContext>;
type DataOf<T extends PersonEvent['type']> = Extract<PersonEvent, { type: T }>['data'];

// Each action reads only its own event type; anything else leaves the context as it is.
const on =
  <T extends PersonEvent['type']>(type: T, update: (data: DataOf<T>) => Partial<PersonContext>): Update =>
  ({ event }) =>
    event.type === type ? update(event.data as DataOf<T>) : {};

/** The context updates of the person machine, by event. */
export const personUpdates = {
  join: on('PersonJoined', (d) => ({ name: d.name, orgRoles: d.orgRoles, team: d.team, manager: d.manager })),
  moveTeam: on('PersonMovedTeam', (d) => ({ team: d.team })),
  changeManager: on('PersonManagerChanged', (d) => ({ manager: d.manager })),
  changeOrgRole: on('PersonOrgRoleChanged', (d) => ({ orgRoles: d.orgRoles })),
  leave: on('PersonLeft', () => ({ orgRoles: [], manager: null })),
} as const;
