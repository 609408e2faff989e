import type { SnapshotFrom } from 'xstate';
import { lastActivityAt } from './customer.guards';
import type { customerMachine } from './customer.machine';
import { daysBetween } from './customer.time';

type CustomerState = SnapshotFrom<typeof customerMachine>;

/**
 * True when an owned customer has had no touch (nor a change of owner) for at least `idleDays` at `at`:
 * what the engine's sweep uses to pick customers to return to the public pool.
 */
export function isIdle(state: CustomerState, at: string, idleDays: number): boolean {
  if (state.value !== 'owned') return false;
  const since = lastActivityAt(state.context);
  return since !== null && daysBetween(since, at) >= idleDays;
}

/**
 * "A follows, B may not": only the owner, or a member of the owner's team as the engine knows it,
 * works this customer's leads and opportunities. Nobody works a public-pool customer before claiming it.
 */
export function mayWork(state: CustomerState, userId: string, ownerTeam: readonly string[] = []): boolean {
  const { owner } = state.context;
  return state.value === 'owned' && owner !== null && (owner === userId || ownerTeam.includes(userId));
}
