import type { Command } from '@ltc/domain';
import type { OrgRole } from './person.values';

/**
 * The org roles a command gives: `orgRoles` (one or more), or `orgRole` for a single role (the shape
 * the other workflows' authors were promised); both given must agree.
 */
export type OrgRolesInput = Readonly<{ orgRoles?: readonly OrgRole[]; orgRole?: OrgRole }>;

/** A person joins the organisation (or rejoins after leaving) in a team, with roles and a manager. */
export type JoinPerson = Command<
  'JoinPerson',
  OrgRolesInput & { name: string; team: string; manager?: string | null }
>;
export type MovePersonToTeam = Command<'MovePersonToTeam', { team: string; reason?: string }>;
/** `manager: null` leaves the person without a manager. */
export type ChangePersonManager = Command<'ChangePersonManager', { manager: string | null; reason?: string }>;
export type ChangePersonOrgRole = Command<'ChangePersonOrgRole', OrgRolesInput & { reason?: string }>;
export type RecordPersonLeft = Command<'RecordPersonLeft', { reason?: string }>;

export type PersonCommand =
  JoinPerson | MovePersonToTeam | ChangePersonManager | ChangePersonOrgRole | RecordPersonLeft;
