import type { Org } from './org';

/** Who sends the command: the authenticated user (or the system), with the roles they act in. */
export type AccessActor = Readonly<{ id: string; roles: readonly string[]; team?: string }>;

/** Process managers and schedules act as this actor; it passes every rule but the gate vote. */
export const SYSTEM_ACTOR: AccessActor = { id: 'system', roles: ['system'] };

export const hasRole = (actor: AccessActor, role: string): boolean => actor.roles.includes(role);

/** The system and admins pass every ownership and manager rule. */
export function isUnrestricted(actor: AccessActor): boolean {
  return hasRole(actor, 'system') || hasRole(actor, 'admin');
}

/** True when `actor` is `userId` or manages them. */
export function speaksFor(actor: AccessActor, org: Org, userId: string | null | undefined): boolean {
  if (userId === null || userId === undefined) return false;
  return actor.id === userId || org.manages(actor.id, userId);
}
