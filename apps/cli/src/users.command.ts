import { resolve } from 'node:path';
import { USER_ROLES, type UserRole } from '@ltc/domain';
import { addApiKey, addUser, readUsersFile, revokeApiKeys } from '@ltc/users';
import type { CliCommand } from './commands';

/** The same default as the api: USERS_FILE, else users.json in DATA_DIR (./data). */
export function usersFilePath(override?: string): string {
  return resolve(
    override ?? process.env['USERS_FILE'] ?? resolve(process.env['DATA_DIR'] ?? './data', 'users.json'),
  );
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `ltc users add <id> --role rep --team east [--manager id] [--name "Ann Lee"]` prints a new API key once;
 * `ltc users key <id>` issues another; `ltc users revoke <id>`; `ltc users list`.
 */
export const users: CliCommand = {
  name: 'users',
  summary: 'manage users and their API keys: add <id> | key <id> | revoke <id> | list',
  options: {
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    manager: { type: 'string' },
    name: { type: 'string' },
    file: { type: 'string' },
  },
  run: (values, [action, id]) => {
    const file = usersFilePath(text(values['file']));
    const now = new Date().toISOString();
    const out = (line: string) => process.stdout.write(`${line}\n`);
    switch (action) {
      case 'add': {
        const roles = (Array.isArray(values['role']) ? values['role'] : []).map(String);
        const team = text(values['team']);
        if (id === undefined || roles.length === 0 || team === undefined) {
          throw new Error(
            'usage: ltc users add <id> --role <rep|manager|ops|admin> [--role ...] --team <team>',
          );
        }
        const bad = roles.find((r) => !USER_ROLES.includes(r as UserRole));
        if (bad !== undefined) throw new Error(`unknown role "${bad}"; roles are ${USER_ROLES.join(', ')}`);
        const manager = text(values['manager']);
        const name = text(values['name']);
        const { key } = addUser(
          file,
          {
            id,
            roles: roles as UserRole[],
            team,
            ...(manager === undefined ? {} : { manager }),
            ...(name === undefined ? {} : { name }),
          },
          now,
        );
        out(`added ${id} to ${file}`);
        out(`API key (shown once, store it now): ${key}`);
        return Promise.resolve(0);
      }
      case 'key': {
        if (id === undefined) throw new Error('usage: ltc users key <id>');
        out(`new API key for ${id} (shown once): ${addApiKey(file, id, now)}`);
        return Promise.resolve(0);
      }
      case 'revoke': {
        if (id === undefined) throw new Error('usage: ltc users revoke <id>');
        out(`revoked ${revokeApiKeys(file, id)} key(s) of ${id}`);
        return Promise.resolve(0);
      }
      case 'list': {
        for (const u of readUsersFile(file).users) {
          const live = u.apiKeys.filter((k) => !k.revoked).length;
          out(`${u.id}\t${u.roles.join(',')}\tteam=${u.team}\tmanager=${u.manager ?? '-'}\tkeys=${live}`);
        }
        return Promise.resolve(0);
      }
      default:
        throw new Error('usage: ltc users add|key|revoke|list');
    }
  },
};
