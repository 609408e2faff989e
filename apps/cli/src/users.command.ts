import { dirname, resolve } from 'node:path';
import { checkWritableDirectory, loadUsersFile } from '@ltc/config';
import { USER_ROLES, type UserRole } from '@ltc/domain';
import { addApiKey, addUser, readUsersFile, revokeApiKeys } from '@ltc/users';
import type { CliCommand } from './commands';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `ltc users add <id> --role rep --team east [--manager id] [--name "Ann Lee"] [--json]` prints a new API
 * key once; `ltc users key <id>` issues another; `ltc users revoke <id>`; `ltc users list`.
 */
export const users: CliCommand = {
  name: 'users',
  summary: 'manage users and their API keys: add <id> | key <id> | revoke <id> | list',
  usage: `Usage:
  ltc users add <id> --role <role> [--role <role>] --team <team> [--manager <id>] [--name <name>] [--json]
  ltc users key <id> [--json]        issue another API key (the old ones stay valid until revoked)
  ltc users revoke <id>              revoke every key of a user
  ltc users list [--json]

A new key is printed once and never stored (the file keeps its SHA-256 digest); a running api picks up
changes within a second. Roles: ${USER_ROLES.join(', ')}.

Options:
  --file <path>   the users file (default: USERS_FILE, else users.json in DATA_DIR, else ./data)
  --json          one JSON object on stdout, for scripts: add/key {"id","key","file"}, list [users]

Environment: USERS_FILE, DATA_DIR.
`,
  options: {
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    manager: { type: 'string' },
    name: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: (values, [action, id]) => {
    const override = text(values['file']);
    const file = override === undefined ? loadUsersFile(process.env) : resolve(override);
    const json = values['json'] === true;
    const now = new Date().toISOString();
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const writable = () =>
      checkWritableDirectory(
        process.env['USERS_FILE'] || override ? 'USERS_FILE' : 'DATA_DIR',
        file,
        dirname(file),
      );
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
        writable();
        const { key, user } = addUser(
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
        if (json) {
          const { apiKeys: _digests, ...shown } = user;
          out(JSON.stringify({ ...shown, key, file }));
        } else {
          out(`added ${id} to ${file}`);
          out(`API key (shown once, store it now): ${key}`);
        }
        return Promise.resolve(0);
      }
      case 'key': {
        if (id === undefined) throw new Error('usage: ltc users key <id>');
        writable();
        const key = addApiKey(file, id, now);
        out(json ? JSON.stringify({ id, key, file }) : `new API key for ${id} (shown once): ${key}`);
        return Promise.resolve(0);
      }
      case 'revoke': {
        if (id === undefined) throw new Error('usage: ltc users revoke <id>');
        writable();
        out(`revoked ${revokeApiKeys(file, id)} key(s) of ${id}`);
        return Promise.resolve(0);
      }
      case 'list': {
        const listed = readUsersFile(file).users.map((u) => ({
          id: u.id,
          name: u.name,
          roles: u.roles,
          team: u.team,
          manager: u.manager ?? null,
          keys: u.apiKeys.filter((k) => !k.revoked).length,
        }));
        if (json) out(JSON.stringify(listed));
        else
          for (const u of listed) {
            out(`${u.id}\t${u.roles.join(',')}\tteam=${u.team}\tmanager=${u.manager ?? '-'}\tkeys=${u.keys}`);
          }
        return Promise.resolve(0);
      }
      default:
        throw new Error('usage: ltc users add|key|revoke|list (see `ltc users --help`)');
    }
  },
};
