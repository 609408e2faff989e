import type { Org } from './org';
import { allowed, invalid, type Verdict } from './verdict';

/** An assignment names a real person: `userId` must be in the directory. */
export function knownUser(org: Org, command: string, field: string, userId: string): Verdict {
  if (org.person(userId) !== undefined) return allowed;
  return invalid(command, field, `"${userId}" is not a known user`);
}
