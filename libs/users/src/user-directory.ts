import { createHash, randomBytes } from 'node:crypto';
import { USER_ROLES, type UserRole } from '@ltc/domain';

/** One user of the engine: organisation roles, team, manager, and the digests of their API keys. */
export type UserRecord = Readonly<{
  id: string;
  name: string;
  roles: readonly UserRole[];
  team: string;
  /** The user's manager, who may also work the user's customers. */
  manager?: string;
  apiKeys: readonly ApiKeyRecord[];
}>;

/** Only a digest is stored: the key itself is shown once, when it is issued. */
export type ApiKeyRecord = Readonly<{ id: string; sha256: string; createdAt: string; revoked?: boolean }>;

export type UsersDocument = Readonly<{ version: 1; users: readonly UserRecord[] }>;

/** Who a key belongs to: the shape of the engine's `Actor`, which this library does not depend on. */
export type AuthenticatedUser = Readonly<{ id: string; roles: readonly UserRole[]; team: string }>;

export class UsersFileError extends Error {}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** What an API key looks like: `ltc_<16 hex key id>_<43 base64url secret>`. */
export const API_KEY_FORMAT = /^ltc_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

/** The API key format: `ltc_<key id>_<secret>`; the secret is 32 random bytes, base64url. */
export function issueApiKey(createdAt: string): { key: string; record: ApiKeyRecord } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key = `ltc_${id}_${secret}`;
  return { key, record: { id, sha256: digest(key), createdAt } };
}

// A random 256-bit key needs no slow password hash: SHA-256 cannot be reversed and there is no dictionary.
function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Checks a users document and returns it typed, or throws naming the first problem. */
export function parseUsers(raw: unknown): UsersDocument {
  const fail = (why: string): never => {
    throw new UsersFileError(`users file: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not a JSON object');
  const doc = raw as { version?: unknown; users?: unknown };
  if (doc.version !== 1) fail('version must be 1');
  if (!Array.isArray(doc.users)) return fail('users must be an array');
  const seen = new Set<string>();
  for (const [i, u] of (doc.users as Record<string, unknown>[]).entries()) {
    const where = `users[${i}]`;
    if (typeof u['id'] !== 'string' || !ID.test(u['id'])) fail(`${where}.id must match ${ID.source}`);
    if (seen.has(u['id'] as string)) fail(`${where}.id "${String(u['id'])}" appears twice`);
    seen.add(u['id'] as string);
    if (typeof u['team'] !== 'string' || u['team'] === '') fail(`${where}.team must be a non-empty string`);
    const roles = u['roles'];
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      !roles.every((r) => USER_ROLES.includes(r as UserRole))
    ) {
      fail(`${where}.roles must be a non-empty list of ${USER_ROLES.join(', ')}`);
    }
    if (!Array.isArray(u['apiKeys'])) fail(`${where}.apiKeys must be an array`);
  }
  return doc as UsersDocument;
}

/** Who is who: authenticates bearer keys and answers team and manager questions. */
export class UserDirectory {
  private readonly byKeyDigest = new Map<string, UserRecord>();
  private readonly byId = new Map<string, UserRecord>();

  constructor(readonly document: UsersDocument) {
    for (const user of document.users) {
      this.byId.set(user.id, user);
      for (const key of user.apiKeys) if (!key.revoked) this.byKeyDigest.set(key.sha256, user);
    }
  }

  /** The actor behind a bearer key, or undefined for an unknown, malformed or revoked key. */
  authenticate(key: string): AuthenticatedUser | undefined {
    if (!API_KEY_FORMAT.test(key)) return undefined;
    // Looking up the digest of a random 256-bit key leaks nothing useful through timing.
    const user = this.byKeyDigest.get(digest(key));
    return user && toActor(user);
  }

  user(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }

  actor(id: string): AuthenticatedUser | undefined {
    const user = this.byId.get(id);
    return user && toActor(user);
  }

  /** True when `managerId` manages `userId` (directly). */
  manages(managerId: string, userId: string): boolean {
    return this.byId.get(userId)?.manager === managerId;
  }

  sameTeam(a: string, b: string): boolean {
    const ua = this.byId.get(a);
    return ua !== undefined && ua.team === this.byId.get(b)?.team;
  }
}

function toActor(user: UserRecord): AuthenticatedUser {
  return { id: user.id, roles: user.roles, team: user.team };
}
