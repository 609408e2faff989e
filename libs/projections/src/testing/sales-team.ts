import type { UserRole } from '@ltc/domain';

export type TeamMember = Readonly<{ id: string; roles: readonly UserRole[]; team: string; manager?: string }>;

/** The sales organisation of generated histories: three teams, a manager and four reps each, and ops. */
export const SALES_TEAM: readonly TeamMember[] = [
  { id: 'bob', roles: ['manager'], team: 'east' },
  { id: 'ann', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'sam', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'fay', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'eli', roles: ['rep'], team: 'east', manager: 'bob' },
  { id: 'wes', roles: ['manager'], team: 'west' },
  { id: 'cy', roles: ['rep'], team: 'west', manager: 'wes' },
  { id: 'dee', roles: ['rep'], team: 'west', manager: 'wes' },
  { id: 'gus', roles: ['rep'], team: 'west', manager: 'wes' },
  { id: 'ivy', roles: ['rep'], team: 'west', manager: 'wes' },
  { id: 'nat', roles: ['manager'], team: 'north' },
  { id: 'oli', roles: ['rep'], team: 'north', manager: 'nat' },
  { id: 'pam', roles: ['rep'], team: 'north', manager: 'nat' },
  { id: 'ray', roles: ['rep'], team: 'north', manager: 'nat' },
  { id: 'tia', roles: ['rep'], team: 'north', manager: 'nat' },
  { id: 'ops', roles: ['ops'], team: 'hq' },
];
