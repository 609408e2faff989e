import type { Event } from '@ltc/domain';
import type { OrgRole } from './person.values';

// Effective dates are the events' `occurredAt` (business time): a move recorded late is a late entry.

/** Joined (or rejoined) the organisation: the team, roles and manager from that instant on. */
export type PersonJoined = Event<
  'PersonJoined',
  { name: string; orgRoles: readonly OrgRole[]; team: string; manager: string | null }
>;
export type PersonMovedTeam = Event<
  'PersonMovedTeam',
  { team: string; previousTeam: string; reason: string | null }
>;
export type PersonManagerChanged = Event<
  'PersonManagerChanged',
  { manager: string | null; previousManager: string | null; reason: string | null }
>;
export type PersonOrgRoleChanged = Event<
  'PersonOrgRoleChanged',
  { orgRoles: readonly OrgRole[]; previousOrgRoles: readonly OrgRole[]; reason: string | null }
>;
/** Left the organisation: no roles from then on; facts before stay with the team they were in. */
export type PersonLeft = Event<'PersonLeft', { team: string; reason: string | null }>;

export type PersonEvent =
  PersonJoined | PersonMovedTeam | PersonManagerChanged | PersonOrgRoleChanged | PersonLeft;

export const PERSON_EVENT_TYPES = [
  'PersonJoined',
  'PersonMovedTeam',
  'PersonManagerChanged',
  'PersonOrgRoleChanged',
  'PersonLeft',
] as const satisfies readonly PersonEvent['type'][];
