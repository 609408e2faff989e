import { occurredAtOf, personStream } from '@ltc/domain';
import { CommandPipeline, SystemClock, type Actor, type CommandResult } from '@ltc/engine';
import {
  defaultPersonPolicy,
  OrgTimeline,
  personWorkflow,
  type JoinPerson,
  type PersonContext,
} from '@ltc/workflow-person';
import type { Subscription } from 'rxjs';
import { openStores } from './store-config';

/**
 * The command line writes people in process, through the same engine the api runs (load, decide,
 * append with the expected revision), straight into the log the api reads: it needs no running api
 * and no API key, so the first admin can be added before anyone can sign in. It acts as `cli`, an
 * operator at the machine that holds the data folder.
 */
export const CLI_ACTOR: Actor = { id: 'cli', roles: ['admin'] };

export type PersonNow = Readonly<{ state: 'none' | 'active' | 'left'; context: PersonContext }>;

export type PeopleLog = Readonly<{
  person: (id: string) => Promise<PersonNow>;
  join: (id: string, data: JoinPerson['data'], occurredAt?: string) => Promise<CommandResult>;
  /** The org as it stands, from every person stream. */
  org: () => Promise<OrgTimeline>;
  close: () => Promise<void>;
}>;

export function openPeopleLog(env: NodeJS.ProcessEnv, dataDir?: string): PeopleLog {
  const stores = openStores(env, dataDir);
  const pipeline = new CommandPipeline(stores.events, new SystemClock());
  return {
    person: async (id) => {
      const view = await pipeline.load(personWorkflow, personStream.id(id));
      return {
        state: personWorkflow.stateName(view.state) as PersonNow['state'],
        context: view.state.context,
      };
    },
    join: (id, data, occurredAt) =>
      pipeline.execute(personWorkflow, defaultPersonPolicy, {
        streamId: personStream.id(id),
        command: { type: 'JoinPerson', data },
        // A re-run after a crash between the log and the users file appends nothing twice.
        commandId: `users-add:${id}`,
        actor: CLI_ACTOR,
        ...(occurredAt === undefined ? {} : { occurredAt }),
      }),
    // The subscription's backlog, filtered by the store, up to where it caught up.
    org: () =>
      new Promise((done, failed) => {
        const timeline = new OrgTimeline();
        let finished = false;
        let subscription: Subscription | undefined = undefined;
        subscription = stores.events
          .subscribeAll({ filter: { streamPrefixes: [personStream.id('')] } })
          .subscribe({
            next: (message) => {
              if (message.kind === 'caughtUp') {
                finished = true;
                subscription?.unsubscribe();
                return done(timeline);
              }
              const e = message.event;
              timeline.apply({
                person: personStream.entityId(e.streamId),
                revision: e.revision,
                occurredAt: occurredAtOf(e.metadata),
                event: { type: e.type, data: e.data },
              });
            },
            error: failed,
          });
        // A backlog delivered while subscribing caught up before `subscription` was assigned.
        if (finished) subscription.unsubscribe();
      }),
    close: () => stores.close(),
  };
}
