import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserDirectory, UsersFileError } from './user-directory';
import { addApiKey, addUser, readUsersFile, revokeApiKeys } from './users-file';

describe('users file and API keys', () => {
  const at = '2026-03-01T09:00:00.000Z';
  let path: string;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'ltc-users-')), 'users.json');
  });

  it('stores only a digest of the key and authenticates with the key', () => {
    addUser(path, { id: 'bob', roles: ['manager'], team: 'east' }, at);
    const { key } = addUser(path, { id: 'ann', roles: ['rep'], team: 'east', manager: 'bob' }, at);
    expect(readFileSync(path, 'utf8')).not.toContain(key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const directory = new UserDirectory(readUsersFile(path));
    expect(directory.authenticate(key)).toEqual({ id: 'ann', roles: ['rep'], team: 'east' });
    expect(directory.manages('bob', 'ann')).toBe(true);
    expect(directory.sameTeam('ann', 'bob')).toBe(true);
  });

  it('refuses unknown, malformed and revoked keys', () => {
    const { key } = addUser(path, { id: 'ann', roles: ['rep'], team: 'east' }, at);
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    const directory = new UserDirectory(readUsersFile(path));
    expect(directory.authenticate(tampered)).toBeUndefined();
    expect(directory.authenticate('Bearer nonsense')).toBeUndefined();
    const second = addApiKey(path, 'ann', at);
    expect(new UserDirectory(readUsersFile(path)).authenticate(second)?.id).toBe('ann');
    expect(revokeApiKeys(path, 'ann')).toBe(2);
    const after = new UserDirectory(readUsersFile(path));
    expect(after.authenticate(key)).toBeUndefined();
    expect(after.authenticate(second)).toBeUndefined();
  });

  it('refuses duplicate users, unknown managers and unknown roles', () => {
    addUser(path, { id: 'ann', roles: ['rep'], team: 'east' }, at);
    expect(() => addUser(path, { id: 'ann', roles: ['rep'], team: 'east' }, at)).toThrow(/already exists/);
    expect(() => addUser(path, { id: 'cy', roles: ['rep'], team: 'east', manager: 'nobody' }, at)).toThrow(
      /manager "nobody" is not a user/,
    );
    expect(() => addUser(path, { id: 'dee', roles: ['king' as 'rep'], team: 'east' }, at)).toThrow(
      UsersFileError,
    );
    expect(readUsersFile(path).users.map((u) => u.id)).toEqual(['ann']);
  });
});
