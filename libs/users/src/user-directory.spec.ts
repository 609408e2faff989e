import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasLegacyOrgFields, issueApiKey, UserDirectory, UsersFileError } from './user-directory';
import { addApiKey, addUser, dropLegacyOrgFields, readUsersFile, revokeApiKeys } from './users-file';

describe('users file and API keys', () => {
  const at = '2026-03-01T09:00:00.000Z';
  let path: string;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'ltc-users-')), 'users.json');
  });

  it('stores only a digest of the key and the link to the person, and authenticates with the key', () => {
    const { key } = addUser(path, { id: 'ann', name: 'Ann Lee' }, at);
    addUser(path, { id: 'ann-laptop', person: 'ann' }, at);
    const stored = readFileSync(path, 'utf8');
    expect(stored).not.toContain(key);
    expect(stored).not.toMatch(/team|roles|manager/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const directory = new UserDirectory(readUsersFile(path));
    expect(directory.authenticate(key)).toEqual({ user: 'ann', person: 'ann' });
    expect(directory.user('ann-laptop')?.person).toBe('ann');
  });

  it('refuses unknown, malformed and revoked keys', () => {
    const { key } = addUser(path, { id: 'ann' }, at);
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    const directory = new UserDirectory(readUsersFile(path));
    expect(directory.authenticate(tampered)).toBeUndefined();
    expect(directory.authenticate('Bearer nonsense')).toBeUndefined();
    const second = addApiKey(path, 'ann', at);
    expect(new UserDirectory(readUsersFile(path)).authenticate(second)?.person).toBe('ann');
    expect(revokeApiKeys(path, 'ann')).toBe(2);
    const after = new UserDirectory(readUsersFile(path));
    expect(after.authenticate(key)).toBeUndefined();
    expect(after.authenticate(second)).toBeUndefined();
  });

  it('refuses duplicate users and malformed person links', () => {
    addUser(path, { id: 'ann' }, at);
    expect(() => addUser(path, { id: 'ann' }, at)).toThrow(/already exists/);
    expect(() => addUser(path, { id: 'cy', person: 'Not An Id' }, at)).toThrow(UsersFileError);
    expect(readUsersFile(path).users.map((u) => u.id)).toEqual(['ann']);
  });

  describe('a users file from before people were in the log', () => {
    const legacy = (users: object[]) => writeFileSync(path, JSON.stringify({ version: 1, users }));
    const keys = () => [issueApiKey(at).record];

    it('reads its org fields, links each user to the person of its id, and drops the fields once in the log', () => {
      legacy([
        { id: 'bob', name: 'bob', roles: ['manager'], team: 'east', apiKeys: keys() },
        { id: 'ann', name: 'ann', roles: ['rep'], team: 'east', manager: 'bob', apiKeys: keys() },
      ]);
      const [bob, ann] = readUsersFile(path).users;
      expect(ann).toMatchObject({ id: 'ann', person: 'ann', roles: ['rep'], team: 'east', manager: 'bob' });
      expect([bob, ann].map((u) => u !== undefined && hasLegacyOrgFields(u))).toEqual([true, true]);
      expect(dropLegacyOrgFields(path, ['ann'])).toBe(1);
      expect(dropLegacyOrgFields(path, ['ann'])).toBe(0);
      const after = readUsersFile(path).users;
      expect(after[1]).toEqual({ id: 'ann', person: 'ann', name: 'ann', apiKeys: ann?.apiKeys });
      expect(after[0]).toMatchObject({ roles: ['manager'], team: 'east' });
    });

    it('refuses unknown roles and a team without roles, as it always did', () => {
      legacy([{ id: 'dee', roles: ['king'], team: 'east', apiKeys: [] }]);
      expect(() => readUsersFile(path)).toThrow(/roles must be a non-empty list/);
      legacy([{ id: 'dee', team: 'east', apiKeys: [] }]);
      expect(() => readUsersFile(path)).toThrow(/roles must be a non-empty list/);
      legacy([{ id: 'dee', roles: ['rep'], apiKeys: [] }]);
      expect(() => readUsersFile(path)).toThrow(/team must be a non-empty string/);
    });
  });
});
