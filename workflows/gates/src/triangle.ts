import { IRON_TRIANGLE_ROLES, type Command, type Event, type IronTriangleRole } from '@ltc/domain';
import { InvalidCommandError, optionalText, LIMITS, requireId } from '@ltc/workflow-kit';

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

/** Checks a triangle from command data: each role held by a user id. */
export function requireTriangle(command: string, field: string, value: unknown): IronTriangle {
  const t = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<IronTriangleRole, unknown>
  >;
  return {
    AR: requireId(command, `${field}.AR`, t.AR),
    SR: requireId(command, `${field}.SR`, t.SR),
    FR: requireId(command, `${field}.FR`, t.FR),
  };
}

export function buildTriangleAssignment(command: AssignIronTriangle): IronTriangleAssigned {
  return {
    type: 'IronTriangleAssigned',
    data: { triangle: requireTriangle(command.type, 'triangle', command.data.triangle) },
  };
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
  const to = requireId(command.type, 'to', command.data.to);
  return {
    type: 'IronTriangleRoleReassigned',
    data: {
      role,
      from: triangle?.[role] ?? '',
      to,
      reason: optionalText(command.type, 'reason', reason, LIMITS.prose),
    },
  };
}
