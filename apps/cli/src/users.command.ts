import { dirname, resolve } from 'node:path';
import { checkWritableDirectory, loadUsersFile } from '@ltc/config';
import { USER_ROLES, type UserRole } from '@ltc/domain';
import { addApiKey, addUser, readUsersFile, revokeApiKeys } from '@ltc/users';
import type { OrgTimeline } from '@ltc/workflow-person';
import type { CliCommand } from './commands';
import { openPeopleLog, type PeopleLog, type PersonNow } from './people-log';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `ltc users add <id> --role rep --team east [--manager id] [--name "Ann Lee"] [--json]` writes the person
 * into the log (through the engine, in process: see `people-log.ts`) and prints a new API key once;
 * `ltc users key <id>` issues another; `ltc users revoke <id>`; `ltc users list`.
 */
export const users: CliCommand = {
  name: 'users',
  summary: 'manage users and their API keys: add <id> | key <id> | revoke <id> | list',
  usage: `Usage:
  ltc users add <id> --role <role> [--role <role>] --team <team> [--manager <id>] [--name <name>]
                [--since <instant>] [--json]
  ltc users add <id> --person <person id> [--json]   another user (a second key holder) of a person
  ltc users key <id> [--json]        issue another API key (the old ones stay valid until revoked)
  ltc users revoke <id>              revoke every key of a user
  ltc users list [--json]            users, their person's team, manager and roles (from the log)

\`add\` writes the person (PersonJoined: team, roles, manager) into the event log through the engine,
in this process, acting as \`cli\` (no running api or key needed), then the key into the users file. A
person already in the log (joined over HTTP) only gets the key. Later moves, manager and role changes are
recorded over HTTP (POST /api/people/{id}/team, /manager, /role, /leave). A new key is printed once and
never stored (the file keeps its SHA-256 digest); a running api picks up changes within a second.
Roles: ${USER_ROLES.join(', ')}.

Options:
  --file <path>      the users file (default: USERS_FILE, else users.json in DATA_DIR, else ./data)
  --data-dir <dir>   the data directory of the log (default: DATA_DIR, else the folder of --file,
                     else ./data)
  --since <instant>  when the person joined (business time, ISO-8601; default now)
  --json             one JSON object on stdout, for scripts: add/key {"id","key","file"}, list [users]

Environment: USERS_FILE, DATA_DIR, EVENT_STORE, SQLITE_FILE, EVENTSTORE_CONNECTION_STRING.
`,
  options: {
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    manager: { type: 'string' },
    name: { type: 'string' },
    person: { type: 'string' },
    since: { type: 'string' },
    file: { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean' },
  },
  run: async (values, [action, id]) => {
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
    // The log beside a users file named by --file (the api's own layout: DATA_DIR/users.json).
    const dataDir =
      text(values['data-dir']) ??
      (override !== undefined && !process.env['DATA_DIR'] ? dirname(file) : undefined);
    const log = () => openPeopleLog(process.env, dataDir);
    switch (action) {
      case 'add': {
        if (id === undefined) throw new Error('usage: ltc users add <id> --role <role> --team <team>');
        writable();
        if (readUsersFile(file).users.some((u) => u.id === id))
          throw new Error(`user "${id}" already exists`);
        const name = text(values['name']);
        const people = log();
        let person: string;
        let joined: PersonNow;
        try {
          person = await addPerson(people, id, values);
          joined = await people.person(person);
        } finally {
          await people.close();
        }
        const { key, user } = addUser(file, { id, person, ...(name === undefined ? {} : { name }) }, now);
        if (json) {
          const { apiKeys: _digests, ...shown } = user;
          const { orgRoles: roles, team, manager } = joined.context;
          out(JSON.stringify({ ...shown, roles, team, manager, key, file }));
        } else {
          out(`added ${id} (person ${person}) to ${file}`);
          out(`API key (shown once, store it now): ${key}`);
        }
        return 0;
      }
      case 'key': {
        if (id === undefined) throw new Error('usage: ltc users key <id>');
        writable();
        const key = addApiKey(file, id, now);
        out(json ? JSON.stringify({ id, key, file }) : `new API key for ${id} (shown once): ${key}`);
        return 0;
      }
      case 'revoke': {
        if (id === undefined) throw new Error('usage: ltc users revoke <id>');
        writable();
        out(`revoked ${revokeApiKeys(file, id)} key(s) of ${id}`);
        return 0;
      }
      case 'list': {
        const people = log();
        let org: OrgTimeline;
        try {
          org = await people.org();
        } finally {
          await people.close();
        }
        const members = new Map(org.current().map((m) => [m.id, m]));
        const listed = readUsersFile(file).users.map((u) => {
          const m = members.get(u.person);
          return {
            id: u.id,
            person: u.person,
            name: u.name ?? u.id,
            // A person not (or no longer) in the log: the users file's old fields, if it still has them.
            roles: m?.orgRoles ?? u.roles ?? [],
            team: m?.team ?? u.team ?? null,
            manager: (m === undefined ? u.manager : m.manager) ?? null,
            inLog: m !== undefined,
            keys: u.apiKeys.filter((k) => !k.revoked).length,
          };
        });
        if (json) out(JSON.stringify(listed));
        else
          for (const u of listed) {
            out(
              `${u.id}\t${u.roles.join(',')}\tteam=${u.team ?? '-'}\tmanager=${u.manager ?? '-'}\tkeys=${u.keys}` +
                (u.person === u.id ? '' : `\tperson=${u.person}`) +
                (u.inLog ? '' : '\t(not in the log)'),
            );
          }
        return 0;
      }
      default:
        throw new Error('usage: ltc users add|key|revoke|list (see `ltc users --help`)');
    }
  },
};

/** Writes the person of a new user into the log, or finds them there; answers the person id. */
async function addPerson(
  people: PeopleLog,
  id: string,
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
): Promise<string> {
  const person = text(values['person']) ?? id;
  const roles = (Array.isArray(values['role']) ? values['role'] : []).map(String);
  const team = text(values['team']);
  const manager = text(values['manager']);
  const since = text(values['since']);
  const current = await people.person(person);
  if (current.state === 'active' && roles.length === 0 && team === undefined) return person;
  if (current.state === 'active') {
    // The same `users add` run again after a crash between the log and the file: the join is a duplicate.
    const again = await join(people, person, {
      roles,
      team,
      manager,
      since,
      name: text(values['name']),
    }).catch(() => undefined);
    if (again?.duplicate) return person;
    throw new Error(
      `person "${person}" is already in the log (team ${current.context.team ?? '?'}): add the key without ` +
        `--role/--team, and record changes with POST /api/people/${person}/team, /manager or /role`,
    );
  }
  if (roles.length === 0 || team === undefined) {
    throw new Error(
      current.state === 'left'
        ? `person "${person}" has left the organisation: rejoin them with --role and --team`
        : 'usage: ltc users add <id> --role <rep|manager|ops|admin> [--role ...] --team <team>',
    );
  }
  const bad = roles.find((r) => !USER_ROLES.includes(r as UserRole));
  if (bad !== undefined) throw new Error(`unknown role "${bad}"; roles are ${USER_ROLES.join(', ')}`);
  if (manager !== undefined && (await people.person(manager)).state !== 'active') {
    throw new Error(`manager "${manager}" is not in the organisation`);
  }
  await join(people, person, { roles, team, manager, since, name: text(values['name']) });
  return person;
}

type JoinFlags = Readonly<{
  roles: readonly string[];
  team: string | undefined;
  manager: string | undefined;
  since: string | undefined;
  name: string | undefined;
}>;

function join(people: PeopleLog, person: string, flags: JoinFlags) {
  return people.join(
    person,
    {
      name: flags.name ?? person,
      orgRoles: flags.roles as UserRole[],
      team: flags.team ?? '',
      manager: flags.manager ?? null,
    },
    flags.since,
  );
}
