/** The iron triangle: account, solution and fulfillment responsible. */
export const IRON_TRIANGLE_ROLES = ['AR', 'SR', 'FR'] as const;
export type IronTriangleRole = (typeof IRON_TRIANGLE_ROLES)[number];

/** Roles a user holds in the organisation (not on a deal). */
export const USER_ROLES = ['rep', 'manager', 'ops', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
