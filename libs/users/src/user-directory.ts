import { createHash, randomBytes } from 'node:crypto';
import { USER_ROLES, type UserRole } from '@ltc/domain';

/**
 * One user of the engine: the digests of their API keys and the person (`person-<id>` in the log) they
 * act as. Team, manager and roles live in the log, not here.
 */
export type UserRecord = Readonly<{
  id: string;
  /** The person this user acts as; the users file of old (before people were in the log) left it out. */
  person: string;
  name?: string;
  apiKeys: readonly ApiKeyRecord[];
}> &
  LegacyOrgFields;

/**
 * Org fields the users file held before people were in the log. The api takes them into the log once,
 * at its first start (a `PersonJoined` per user), then drops them from the file.
 */
export type LegacyOrgFields = Readonly<{
  roles?: readonly UserRole[];
  team?: string;
  manager?: string;
}>;

/** Only a digest is stored: the key itself is shown once, when it is issued. */
export type ApiKeyRecord = Readonly<{ id: string; sha256: string; createdAt: string; revoked?: boolean }>;

export type UsersDocument = Readonly<{ version: 1; users: readonly UserRecord[] }>;

/** Who a key belongs to: the user, and the person they act as (whose roles and team the log holds). */
export type KeyHolder = Readonly<{ user: string; person: string }>;

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

/** True when the record still carries org fields from before people were in the log. */
export function hasLegacyOrgFields(user: UserRecord): boolean {
  return user.roles !== undefined || user.team !== undefined || user.manager !== undefined;
}

/**
 * Checks a users document and returns it typed (a record without `person` acts as the person of its
 * id), or throws naming the first problem.
 */
export function parseUsers(raw: unknown): UsersDocument {
  const fail = (why: string): never => {
    throw new UsersFileError(`users file: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not a JSON object');
  const doc = raw as { version?: unknown; users?: unknown };
  if (doc.version !== 1) fail('version must be 1');
  if (!Array.isArray(doc.users)) return fail('users must be an array');
  const seen = new Set<string>();
  const users = (doc.users as Record<string, unknown>[]).map((u, i): UserRecord => {
    const where = `users[${i}]`;
    if (typeof u !== 'object' || u === null) return fail(`${where} must be an object`);
    if (typeof u['id'] !== 'string' || !ID.test(u['id'])) fail(`${where}.id must match ${ID.source}`);
    const id = u['id'] as string;
    if (seen.has(id)) fail(`${where}.id "${id}" appears twice`);
    seen.add(id);
    const person = u['person'] ?? id;
    if (typeof person !== 'string' || !ID.test(person)) fail(`${where}.person must match ${ID.source}`);
    if (u['name'] !== undefined && typeof u['name'] !== 'string') fail(`${where}.name must be a string`);
    if (!Array.isArray(u['apiKeys'])) fail(`${where}.apiKeys must be an array`);
    checkLegacy(u, where, fail);
    return { ...(u as UserRecord), person: person as string };
  });
  return { version: 1, users };
}

/** The org fields of an old users file: roles and team together, each as they used to be checked. */
function checkLegacy(u: Record<string, unknown>, where: string, fail: (why: string) => never): void {
  if (u['roles'] === undefined && u['team'] === undefined && u['manager'] === undefined) return;
  if (typeof u['team'] !== 'string' || u['team'] === '') fail(`${where}.team must be a non-empty string`);
  const roles = u['roles'];
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    !roles.every((r) => USER_ROLES.includes(r as UserRole))
  ) {
    fail(`${where}.roles must be a non-empty list of ${USER_ROLES.join(', ')}`);
  }
  if (u['manager'] !== undefined && typeof u['manager'] !== 'string')
    fail(`${where}.manager must be a string`);
}

/** The keys of the users file: who holds a bearer key, and which person they act as. */
export class UserDirectory {
  private readonly byKeyDigest = new Map<string, UserRecord>();
  private readonly byId = new Map<string, UserRecord>();

  constructor(readonly document: UsersDocument) {
    for (const user of document.users) {
      this.byId.set(user.id, user);
      for (const key of user.apiKeys) if (!key.revoked) this.byKeyDigest.set(key.sha256, user);
    }
  }

  /** The holder of a bearer key, or undefined for an unknown, malformed or revoked key. */
  authenticate(key: string): KeyHolder | undefined {
    if (!API_KEY_FORMAT.test(key)) return undefined;
    // Looking up the digest of a random 256-bit key leaks nothing useful through timing.
    const user = this.byKeyDigest.get(digest(key));
    return user && { user: user.id, person: user.person };
  }

  user(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }
}
