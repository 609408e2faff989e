import { hasRole, isUnrestricted, type AccessActor } from './actor';
import { allowed, refused, type Verdict } from './verdict';

/** Only a manager (or an admin, or the system) may `what`. */
export function managersOnly(actor: AccessActor, what: string): Verdict {
  if (isUnrestricted(actor) || hasRole(actor, 'manager')) return allowed;
  return refused('managersOnly', `only a manager may ${what}`);
}
