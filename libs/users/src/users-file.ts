import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  hasLegacyOrgFields,
  issueApiKey,
  parseUsers,
  UsersFileError,
  type UserRecord,
  type UsersDocument,
} from './user-directory';

/** Reads the users file; a missing file is an empty directory (nobody can call the api yet). */
export function readUsersFile(path: string): UsersDocument {
  if (!existsSync(path)) return { version: 1, users: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsersFileError(`users file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseUsers(raw);
}

/** Writes atomically (temp file + rename) and readable by the owner only: it holds key digests. */
export function writeUsersFile(path: string, document: UsersDocument): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(parseUsers(document), null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** A user to add: the person they act as (default: the same id) and a display name. */
export type NewUser = Readonly<{ id: string; person?: string; name?: string }>;

/**
 * Adds a user with a first API key, linked to their person; returns the key, which is not stored and
 * cannot be shown again. The person itself is written to the log by the caller (`ltc users add`).
 */
export function addUser(path: string, user: NewUser, at: string): { key: string; user: UserRecord } {
  const document = readUsersFile(path);
  if (document.users.some((u) => u.id === user.id)) {
    throw new UsersFileError(`user "${user.id}" already exists`);
  }
  const { key, record } = issueApiKey(at);
  const created: UserRecord = {
    id: user.id,
    person: user.person ?? user.id,
    name: user.name ?? user.id,
    apiKeys: [record],
  };
  writeUsersFile(path, { version: 1, users: [...document.users, created] });
  return { key, user: created };
}

/** Issues another key for an existing user (rotation); the old ones stay valid until revoked. */
export function addApiKey(path: string, userId: string, at: string): string {
  const document = readUsersFile(path);
  const { key, record } = issueApiKey(at);
  let found = false;
  const users = document.users.map((u) => {
    if (u.id !== userId) return u;
    found = true;
    return { ...u, apiKeys: [...u.apiKeys, record] };
  });
  if (!found) throw new UsersFileError(`user "${userId}" not found`);
  writeUsersFile(path, { version: 1, users });
  return key;
}

/** Revokes every key of a user; the record stays so history keeps naming them. */
export function revokeApiKeys(path: string, userId: string): number {
  const document = readUsersFile(path);
  let revoked = 0;
  const users = document.users.map((u) => {
    if (u.id !== userId) return u;
    revoked = u.apiKeys.filter((k) => !k.revoked).length;
    return { ...u, apiKeys: u.apiKeys.map((k) => ({ ...k, revoked: true })) };
  });
  if (!users.some((u) => u.id === userId)) throw new UsersFileError(`user "${userId}" not found`);
  writeUsersFile(path, { version: 1, users });
  return revoked;
}

/**
 * Drops the org fields of these users (now in the log), keeping keys and the link to the person.
 * Re-reads the file, so keys added meanwhile are kept; answers how many records changed.
 */
export function dropLegacyOrgFields(path: string, userIds: readonly string[]): number {
  const document = readUsersFile(path);
  let changed = 0;
  const users = document.users.map((u) => {
    if (!userIds.includes(u.id) || !hasLegacyOrgFields(u)) return u;
    changed++;
    const { roles: _roles, team: _team, manager: _manager, ...kept } = u;
    return kept;
  });
  if (changed > 0) writeUsersFile(path, { version: 1, users });
  return changed;
}
