import type { PersonCommand, PersonContext } from '@ltc/workflow-person';
import type { AccessRule } from './access-rule';
import { knownUser } from './known-user';
import { managersOnly } from './managers-only';
import type { Org } from './org';
import { allowed, firstOf } from './verdict';

/** What the person rules read of a person: nothing yet (every command is a manager's). */
export type PersonFacts = Pick<PersonContext, 'team'>;

/** A manager named in a command is someone in the organisation now (or no manager at all). */
const knownManager = (org: Org, type: string, manager: unknown) =>
  typeof manager === 'string' ? knownUser(org, type, 'manager', manager) : allowed;

/**
 * People rules: only managers (and admins, and the system: the first-start migration) record who joins,
 * moves, reports to whom, holds which org role and leaves; a manager named must be in the organisation.
 */
export const personAccess: AccessRule<PersonCommand, PersonFacts> = ({ actor, org, command }) => {
  switch (command.type) {
    case 'JoinPerson':
      return firstOf(
        () => managersOnly(actor, 'record a person joining'),
        () => knownManager(org, command.type, command.data.manager),
      );
    case 'ChangePersonManager':
      return firstOf(
        () => managersOnly(actor, "change a person's manager"),
        () => knownManager(org, command.type, command.data.manager),
      );
    case 'MovePersonToTeam':
      return managersOnly(actor, 'move a person to another team');
    case 'ChangePersonOrgRole':
      return managersOnly(actor, "change a person's org role");
    case 'RecordPersonLeft':
      return managersOnly(actor, 'record a person leaving');
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as PersonCommand).type}`);
    }
  }
};
