import { IRON_TRIANGLE_ROLES, type Command, type Event, type IronTriangleRole } from '@ltc/domain';
import { InvalidCommandError } from '@ltc/workflow-kit';

/** The user holding each iron-triangle role on one deal. */
export type IronTriangle = Readonly<Record<IronTriangleRole, string>>;

export type IronTriangleAssigned = Event<'IronTriangleAssigned', { triangle: IronTriangle }>;
export type IronTriangleRoleReassigned = Event<
  'IronTriangleRoleReassigned',
  { role: IronTriangleRole; from: string; to: string; reason: string }
>;
export type TriangleEvent = IronTriangleAssigned | IronTriangleRoleReassigned;

export function isIronTriangleRole(value: unknown): value is IronTriangleRole {
  return typeof value === 'string' && (IRON_TRIANGLE_ROLES as readonly string[]).includes(value);
}

/** The roles a user holds on this deal (one person may hold several on a small deal). */
export function rolesHeldBy(triangle: IronTriangle | null, user: string): IronTriangleRole[] {
  if (triangle === null) return [];
  return IRON_TRIANGLE_ROLES.filter((role) => triangle[role] === user);
}

export type AssignIronTriangle = Command<'AssignIronTriangle', { triangle: IronTriangle }>;
export type ReassignIronTriangleRole = Command<
  'ReassignIronTriangleRole',
  { role: IronTriangleRole; to: string; reason: string }
>;

function requireUser(command: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidCommandError(command, field, 'must be a user id');
  }
  return value.trim();
}

export function buildTriangleAssignment(command: AssignIronTriangle): IronTriangleAssigned {
  const t = command.data.triangle;
  const triangle = {
    AR: requireUser(command.type, 'triangle.AR', t.AR),
    SR: requireUser(command.type, 'triangle.SR', t.SR),
    FR: requireUser(command.type, 'triangle.FR', t.FR),
  };
  return { type: 'IronTriangleAssigned', data: { triangle } };
}

/** `from` is copied from the deal so the event alone says who lost the role. */
export function buildRoleReassignment(
  command: ReassignIronTriangleRole,
  triangle: IronTriangle | null,
): IronTriangleRoleReassigned {
  const { role, reason } = command.data;
  if (!isIronTriangleRole(role)) {
    throw new InvalidCommandError(command.type, 'role', `must be one of ${IRON_TRIANGLE_ROLES.join(', ')}`);
  }
  const to = requireUser(command.type, 'to', command.data.to);
  return {
    type: 'IronTriangleRoleReassigned',
    data: { role, from: triangle?.[role] ?? '', to, reason: (reason ?? '').trim() },
  };
}
