import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** `<label>:<host>:<pid>:<random>`: who holds a building generation. */
export function leaseOwner(label: string): string {
  return `${label}:${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * True when the holder is a process of this host that no longer runs (a crash or SIGKILL): its lease
 * can be taken at once instead of waiting for the heartbeat to go stale.
 */
export function ownerGone(owner: string | null): boolean {
  if (owner === null) return true;
  const [, host, pid] = owner.split(':');
  const id = Number(pid);
  if (host !== hostname() || !Number.isSafeInteger(id) || id === process.pid) return false;
  try {
    process.kill(id, 0);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ESRCH';
  }
}
