import type { OrgMember, OrgTimeline } from '@ltc/workflow-person';
import { Org, type Person } from './org';

const person = (m: OrgMember): Person => ({
  id: m.id,
  roles: m.orgRoles,
  team: m.team,
  ...(m.manager === null ? {} : { manager: m.manager }),
});

/** The people directory the rules read, as the org stands after every person event of the log. */
export function orgAsItStands(timeline: OrgTimeline): Org {
  return new Org(timeline.current().map(person));
}

/** The people directory at a business instant (who was in the organisation then, in which team). */
export function orgAt(timeline: OrgTimeline, instant: string): Org {
  return new Org(timeline.membersAt(instant).map(person));
}
