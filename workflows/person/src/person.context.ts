import type { OrgRole } from './person.values';

/** What a person's stream knows, rebuilt from its events alone (dates are the events' `occurredAt`). */
export type PersonContext = Readonly<{
  name: string | null;
  orgRoles: readonly OrgRole[];
  /** The current team; after leaving, the team they left from. */
  team: string | null;
  manager: string | null;
}>;

export const emptyPersonContext: PersonContext = { name: null, orgRoles: [], team: null, manager: null };
