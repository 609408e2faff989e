import { personStream } from '@ltc/domain';
import type { Actor, CommandPipeline, ResultEvent } from '@ltc/engine';
import { dropLegacyOrgFields, hasLegacyOrgFields, readUsersFile, type UserRecord } from '@ltc/users';
import { defaultPersonPolicy, personWorkflow } from '@ltc/workflow-person';

/** What the first start found in the users file and did with it. */
export type UsersMigration = Readonly<{
  /** Persons appended (one `PersonJoined` each). */
  joined: readonly string[];
  /** Users whose person the log already held: nothing appended (a second start, or two keys of one person). */
  alreadyInLog: readonly string[];
  /** Users the person workflow refused, with why: they cannot sign in until a manager adds them. */
  refused: readonly Readonly<{ user: string; reason: string }>[];
  /** Records whose org fields were dropped from the file (0 when the file is not writable). */
  cleaned: number;
}>;

export type MigrationDeps = Readonly<{
  pipeline: CommandPipeline;
  actor: Actor;
  /** The pipeline's clock now: a key stamped later (a skewed clock) joins now instead. */
  now: string;
  /** Called with the events of each person appended (the api's org directory takes them at once). */
  appended?: (streamId: string, events: readonly ResultEvent[]) => void;
  warn?: (line: string) => void;
}>;

/** When the user was added to the file: the first key's creation, the person's effective join date. */
function joinedAt(user: UserRecord, now: string): string | undefined {
  const first = user.apiKeys
    .map((k) => Date.parse(k.createdAt))
    .filter((at) => !Number.isNaN(at))
    .sort((a, b) => a - b)[0];
  return first === undefined || first > Date.parse(now) ? undefined : new Date(first).toISOString();
}

/**
 * Takes the org fields of a users file from before people were in the log (roles, team, manager per
 * user) into the log once: a `JoinPerson` per user whose person has no stream yet, effective when the
 * user's first key was issued, with a command id derived from the person (so a crash and a re-run
 * append nothing twice); then drops those fields from the file. Starting twice appends nothing new.
 */
export async function migrateUsersFile(file: string, deps: MigrationDeps): Promise<UsersMigration> {
  const legacy = readUsersFile(file).users.filter(hasLegacyOrgFields);
  const joined: string[] = [];
  const alreadyInLog: string[] = [];
  const refused: { user: string; reason: string }[] = [];
  for (const user of legacy) {
    const streamId = personStream.id(user.person);
    const view = await deps.pipeline.load(personWorkflow, streamId);
    if (view.revision !== 'noStream') {
      alreadyInLog.push(user.id);
      continue;
    }
    const occurredAt = joinedAt(user, deps.now);
    try {
      const result = await deps.pipeline.execute(personWorkflow, defaultPersonPolicy, {
        streamId,
        command: {
          type: 'JoinPerson',
          data: {
            name: user.name ?? user.id,
            orgRoles: user.roles ?? [],
            team: user.team ?? '',
            manager: user.manager ?? null,
          },
        },
        commandId: `users-file-migration:${user.person}`,
        actor: deps.actor,
        ...(occurredAt === undefined ? {} : { occurredAt }),
      });
      deps.appended?.(streamId, result.events);
      joined.push(user.person);
    } catch (error) {
      refused.push({ user: user.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  let cleaned = 0;
  const inLog = legacy.filter((u) => !refused.some((r) => r.user === u.id)).map((u) => u.id);
  try {
    cleaned = dropLegacyOrgFields(file, inLog);
  } catch (error) {
    deps.warn?.(`users file ${file} kept its org fields (the log now holds them): ${String(error)}`);
  }
  return { joined, alreadyInLog, refused, cleaned };
}
