import { USER_ROLES, type UserRole } from '@ltc/domain';

/** The roles a person holds in the organisation (not on a deal): rep, manager, ops, admin. */
export const ORG_ROLES = USER_ROLES;
export type OrgRole = UserRole;
